import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { Open311Error, type Open311ErrorItem } from "../../open311/open311_error.ts";
import { toXml } from "../../open311/to_xml.ts";

/** The two formats GeoReport v2 resources come in, chosen by the path's extension. */
export type Open311Format = "json" | "xml";

/**
 * The format a request asks for: `.xml` at the end of the path means XML; anything else JSON.
 *
 * @example
 * ```ts
 * import { formatOfPath } from "./open311_format.ts";
 * formatOfPath("/open311/v2/services.xml"); // "xml"
 * ```
 */
export function formatOfPath(path: string): Open311Format {
  return path.endsWith(".xml") ? "xml" : "json";
}

/** Splits `MT-1.json` into `MT-1` and `json` (the route's regex guarantees the extension). */
export function splitFormat(segment: string): { id: string; format: Open311Format } {
  const dot = segment.lastIndexOf(".");
  return { id: decodeURIComponent(segment.slice(0, dot)), format: formatOfPath(segment) };
}

/**
 * Answers in the requested format: JSON as is, XML as GeoReport v2's document with `root` as
 * its root element (lists repeat the item element: `services` → `service`, ...).
 */
export function open311Respond(
  c: Context,
  format: Open311Format,
  status: ContentfulStatusCode,
  root: string,
  value: unknown,
): Response {
  if (format === "json") return c.json(value, status);
  return c.body(toXml(root, value), status, { "Content-Type": "text/xml; charset=utf-8" });
}

/** An error list in GeoReport v2's shape (`[{ code, description }]` / `<errors>`). */
export function open311ErrorResponse(
  c: Context,
  format: Open311Format,
  error: Open311Error,
): Response {
  const items: Open311ErrorItem[] = error.items;
  return open311Respond(c, format, error.status, "errors", items);
}
