/**
 * The timeline note of a calendar warning: a working-time deadline fell in a year the ruleset's
 * holiday calendar does not cover, so plain weekends were assumed (in Chinese, then English).
 */
export function calendarWarningNote(years: readonly number[]): string {
  return `工作日期限落在${
    years.join("、")
  }年，该年节假日安排尚未载入，暂按普通周末计算；请在规则集 calendar 中补充后发布。` +
    ` A working-time deadline falls in ${
      years.join(", ")
    }, which no holiday calendar covers: plain weekends were assumed. Add the year to the ruleset's calendar and publish it.`;
}
