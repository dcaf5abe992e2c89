/**
 * A tiny, strict XML parser for tests: enough XML 1.0 to read what Whistle writes (declaration,
 * elements, attributes, text, the five entities and character references, CDATA, comments),
 * and it throws on anything malformed — mismatched or unclosed tags, a raw `<` or a bare `&` in
 * text, unknown entities, forbidden control characters, a second root, trailing content.
 *
 * @module
 */

/** An element: its name, attributes, child elements and its text (concatenated). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
// deno-lint-ignore no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: number): string {
  if (raw.includes("<")) throw new Error(`raw "<" in text at ${where}`);
  if (FORBIDDEN.test(raw)) throw new Error(`forbidden character in text at ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(";")) throw new Error(`bare "&" at ${where}`);
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const value = ENTITIES[body];
    if (value === undefined) throw new Error(`unknown entity &${body}; at ${where}`);
    return value;
  });
}

/** Parses a whole document and returns its root element. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const rest = () => xml.slice(i);
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i])) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (xml.startsWith("<!--", i)) {
        const end = xml.indexOf("-->", i + 4);
        if (end < 0) throw new Error("unclosed comment");
        i = end + 3;
      } else if (xml.startsWith("<?", i)) {
        const end = xml.indexOf("?>", i + 2);
        if (end < 0) throw new Error("unclosed processing instruction");
        i = end + 2;
      } else return;
    }
  };
  const name = () => {
    const m = NAME.exec(rest());
    if (!m) throw new Error(`expected a name at ${i}: ${JSON.stringify(rest().slice(0, 20))}`);
    i += m[0].length;
    return m[0];
  };

  const element = (): XmlElement => {
    if (xml[i] !== "<") throw new Error(`expected "<" at ${i}`);
    i++;
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith("/>", i)) {
        i += 2;
        return { name: tag, attributes, children: [], text: "" };
      }
      if (xml[i] === ">") {
        i++;
        break;
      }
      const attribute = name();
      skipSpace();
      if (xml[i] !== "=") throw new Error(`expected "=" at ${i}`);
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") throw new Error(`expected a quote at ${i}`);
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) throw new Error("unclosed attribute value");
      if (attribute in attributes) throw new Error(`duplicate attribute ${attribute}`);
      attributes[attribute] = decode(xml.slice(i + 1, end), i);
      i = end + 1;
    }
    const children: XmlElement[] = [];
    let text = "";
    for (;;) {
      if (i >= xml.length) throw new Error(`<${tag}> is not closed`);
      if (xml.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) throw new Error(`</${closing}> closes <${tag}> at ${i}`);
        skipSpace();
        if (xml[i] !== ">") throw new Error(`expected ">" at ${i}`);
        i++;
        return { name: tag, attributes, children, text };
      }
      if (xml.startsWith("<![CDATA[", i)) {
        const end = xml.indexOf("]]>", i);
        if (end < 0) throw new Error("unclosed CDATA");
        text += xml.slice(i + 9, end);
        i = end + 3;
      } else if (xml.startsWith("<!--", i)) {
        const end = xml.indexOf("-->", i + 4);
        if (end < 0) throw new Error("unclosed comment");
        i = end + 3;
      } else if (xml[i] === "<") {
        children.push(element());
      } else {
        const next = xml.indexOf("<", i);
        const end = next < 0 ? xml.length : next;
        const raw = xml.slice(i, end);
        if (raw.includes("]]>")) throw new Error(`"]]>" in text at ${i}`);
        text += decode(raw, i);
        i = end;
      }
    }
  };

  if (!xml.startsWith("<?xml")) throw new Error("no XML declaration");
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** The single child named `name` (throws when there is none or several). */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.filter((c) => c.name === name);
  if (found.length !== 1) {
    throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  }
  return found[0];
}

/** The text of the single child named `name`. */
export function textOf(element: XmlElement, name: string): string {
  const found = child(element, name);
  if (found.children.length > 0) throw new Error(`<${name}> has child elements, not text`);
  return found.text;
}
