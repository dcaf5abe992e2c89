/** Element names of list items, by the name of their list (GeoReport v2's XML). */
const ITEM_NAMES: Record<string, string> = {
  services: "service",
  service_requests: "request",
  errors: "error",
  attributes: "attribute",
  values: "value",
  endpoints: "endpoint",
  formats: "format",
};

/** Characters XML 1.0 cannot carry at all (controls other than tab, newline, return). */
// deno-lint-ignore no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for XML content: `& < > " '` become entities, and characters XML 1.0 forbids
 * (controls, U+FFFE/U+FFFF, lone surrogates) become U+FFFD.
 *
 * @example
 * ```ts
 * import { escapeXml } from "./to_xml.ts";
 * escapeXml(`a<b & "c"`); // "a&lt;b &amp; &quot;c&quot;"
 * ```
 */
export function escapeXml(text: string): string {
  return text
    .toWellFormed()
    .replace(INVALID_XML_CHARS, "\uFFFD")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? "item";
    return `<${name}>${value.map((v) => element(item, v)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    const children = Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => element(key, v))
      .join("");
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * An Open311 answer as an XML document: objects become elements per key, lists repeat their
 * item element (`services` → `service`, `service_requests` → `request`, `errors` → `error`,
 * `attributes` → `attribute`, `values` → `value`), `null` becomes an empty element, booleans
 * and numbers their text. Keys must be XML names (they are Open311's field names).
 *
 * @example
 * ```ts
 * import { toXml } from "./to_xml.ts";
 * toXml("errors", [{ code: 404, description: "no <such> service" }]);
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<errors><error><code>404</code><description>no &lt;such&gt; service</description></error></errors>'
 * ```
 */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value)}`;
}
