/**
 * One CSV field as RFC 4180 wants it: quoted when it holds a comma, a double quote, CR or LF (or
 * starts or ends with a space, which some readers trim), with quotes doubled; `null` is empty.
 *
 * @example
 * ```ts
 * import { csvField } from "./csv_field.ts";
 * csvField('say "hi", then\nleave'); // '"say ""hi"", then\nleave"'
 * csvField(42); // "42"
 * ```
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
