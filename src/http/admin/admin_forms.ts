/** Reading posted forms and path parameters of the admin. */

/** A posted form, as hono's `parseBody()` returns it. */
export type FormBody = Record<string, string | File | (string | File)[]>;

/**
 * A text field, trimmed and cut to `max` characters; `""` when absent.
 *
 * @example
 * ```ts
 * import { formText, formTexts, isUuid } from "./admin_forms.ts";
 * formText({ owner: "  YG-SFJ " }, "owner"); // "YG-SFJ"
 * formTexts({ value: ["a", "b"] }, "value"); // ["a", "b"]
 * isUuid("not-a-uuid"); // false
 * ```
 */
export function formText(form: FormBody, name: string, max = 2_000): string {
  const value = form[name];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" ? text.trim().slice(0, max) : "";
}

/** Every value of a repeated field (`name` or `name[]`), untrimmed. */
export function formTexts(form: FormBody, name: string): string[] {
  const value = form[name] ?? form[`${name}[]`];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === "string");
}

/** True for a UUID (draft and simulation ids), so that bad ids are 404s, not database errors. */
export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

/**
 * The posted form, with repeated fields as lists. Every reader of a request's form must use
 * this: hono parses a body once and keeps the first parse's options.
 */
export async function readForm(
  c: { req: { parseBody(options: { all: true }): Promise<unknown> } },
): Promise<FormBody> {
  return await c.req.parseBody({ all: true }) as FormBody;
}
