/**
 * htmx settings for the admin, given to htmx in `<meta name="htmx-config">`: nothing that needs
 * `eval` or inline styles (the Content-Security-Policy allows only this origin's files), 4xx
 * answers are swapped (they carry the form with its errors, or a notice retargeted to #flash),
 * and a history miss reloads the full page instead of asking for a fragment.
 */
export const HTMX_CONFIG: string = JSON.stringify({
  allowEval: false,
  allowScriptTags: false,
  includeIndicatorStyles: false,
  historyRestoreAsHxRequest: false,
  refreshOnHistoryMiss: true,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "4..", swap: true },
    { code: "...", swap: false, error: true },
  ],
});
