import type { Context } from "hono";
import { Open311Error } from "../../open311/open311_error.ts";
import type { Open311Params } from "../../open311/open311_params.ts";

function add(into: Map<string, string[]>, name: string, value: string): void {
  const values = into.get(name);
  if (values) values.push(value);
  else into.set(name, [value]);
}

function scalar(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** A JSON body as Open311 parameters: `{"attribute": {"WIDTH": "3"}}` → `attribute[WIDTH]`. */
function fromJson(body: unknown, into: Map<string, string[]>): void {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new Open311Error(400, ["a JSON body must be an object of request parameters"]);
  }
  for (const [name, value] of Object.entries(body)) {
    if (value === null || value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    if (name === "attribute" && typeof value === "object" && !Array.isArray(value)) {
      for (const [code, answer] of Object.entries(value as Record<string, unknown>)) {
        for (const item of Array.isArray(answer) ? answer : [answer]) {
          const text = scalar(item);
          if (text === null) throw new Open311Error(400, [`attribute[${code}] must be text`]);
          add(into, `attribute[${code}]`, text);
        }
      }
      continue;
    }
    for (const item of values) {
      const text = scalar(item);
      if (text === null) throw new Open311Error(400, [`${name} must be text or a number`]);
      add(into, name, text);
    }
  }
}

/**
 * The parameters of an Open311 request: the body's (form-encoded as GeoReport v2 says,
 * multipart, or a JSON object) followed by the query string's, so that a body value wins where
 * one value is read. A body of another type, or malformed JSON, is an {@link Open311Error} (400).
 */
export async function readOpen311Params(c: Context): Promise<Open311Params> {
  const params = new Map<string, string[]>();
  if (c.req.method === "POST") {
    const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (type === "application/x-www-form-urlencoded") {
      for (const [name, value] of new URLSearchParams(await c.req.text())) add(params, name, value);
    } else if (type === "multipart/form-data") {
      const form = await c.req.formData().catch(() => {
        throw new Open311Error(400, ["the multipart body cannot be read"]);
      });
      for (const [name, value] of form) if (typeof value === "string") add(params, name, value);
    } else if (type === "application/json") {
      const text = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Open311Error(400, ["the body is not valid JSON"]);
      }
      fromJson(body, params);
    } else if (type !== "" || (await c.req.text()).trim() !== "") {
      throw new Open311Error(400, [
        `send the parameters form-encoded (application/x-www-form-urlencoded), as multipart/form-data or as a JSON object; got ${
          type || "no content type"
        }`,
      ]);
    }
  }
  for (const [name, values] of Object.entries(c.req.queries())) {
    for (const value of values) add(params, name, value);
  }
  return params;
}
