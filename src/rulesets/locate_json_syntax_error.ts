/**
 * Finds where a JSON text stops being JSON, for error messages a person can act on.
 *
 * `JSON.parse` names no position for some of the most common mistakes in hand-edited files
 * (a trailing comma, a comment, single quotes), so this walks the text itself.
 *
 * @module
 */

import type { Bilingual } from "../routing/decision.ts";

/** Where a JSON text is broken (1-based line and column) and what is wrong there. */
export interface JsonSyntaxError {
  line: number;
  column: number;
  message: Bilingual;
}

class Broken extends Error {
  constructor(readonly offset: number, readonly problem: Bilingual) {
    super(problem.en);
  }
}

/**
 * The first syntax error in a JSON text, or `null` when the text is valid JSON.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { type JsonSyntaxError, locateJsonSyntaxError } from "./locate_json_syntax_error.ts";
 * const error: JsonSyntaxError | null = locateJsonSyntaxError('[\n  "a",\n  "b",\n]');
 * assert.equal(error?.line, 3);
 * assert.equal(error?.message.en, 'trailing comma before "]": remove the last ","');
 * assert.equal(locateJsonSyntaxError('["a", "b"]'), null);
 * ```
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    const end = skipSpace(text, parseValue(text, skipSpace(text, 0)));
    if (end < text.length) {
      throw new Broken(end, {
        zh: `JSON 值结束后还有多余内容 ${found(text, end).zh}`,
        en: `unexpected ${found(text, end).en} after the end of the JSON value`,
      });
    }
    return null;
  } catch (error) {
    if (!(error instanceof Broken)) throw error;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < error.offset && i < text.length; i++) {
      if (text[i] === "\n") {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: error.offset - lineStart + 1, message: error.problem };
  }
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && " \t\n\r".includes(text[at])) at++;
  return at;
}

/** Parses the value starting at `at`; returns the offset just after it. */
function parseValue(text: string, at: number): number {
  const c = text[at];
  if (c === "{") return parseContainer(text, at, "}");
  if (c === "[") return parseContainer(text, at, "]");
  if (c === '"') return parseString(text, at);
  if (c === "-" || (c >= "0" && c <= "9")) return parseNumber(text, at);
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, at)) return at + literal.length;
  }
  throw new Broken(at, unexpected(text, at));
}

function parseContainer(text: string, at: number, close: "}" | "]"): number {
  at = skipSpace(text, at + 1);
  if (text[at] === close) return at + 1;
  for (;;) {
    if (close === "}") {
      if (text[at] !== '"') {
        throw new Broken(at, {
          zh: `此处应为加双引号的字段名，实际是 ${found(text, at).zh}`,
          en: `expected a field name in double quotes, found ${found(text, at).en}`,
        });
      }
      at = skipSpace(text, parseString(text, at));
      if (text[at] !== ":") {
        throw new Broken(at, {
          zh: `字段名后应为 ":"，实际是 ${found(text, at).zh}`,
          en: `expected ":" after the field name, found ${found(text, at).en}`,
        });
      }
      at = skipSpace(text, at + 1);
    }
    at = skipSpace(text, parseValue(text, at));
    if (text[at] === close) return at + 1;
    if (text[at] !== ",") {
      throw new Broken(at, {
        zh: `此处应为 "," 或 "${close}"，实际是 ${found(text, at).zh}（是否漏了逗号？）`,
        en: `expected "," or "${close}", found ${found(text, at).en} (a missing comma?)`,
      });
    }
    const comma = at;
    at = skipSpace(text, at + 1);
    if (text[at] === close) {
      throw new Broken(comma, {
        zh: `"${close}" 前有多余的逗号：请删除最后一个 ","`,
        en: `trailing comma before "${close}": remove the last ","`,
      });
    }
  }
}

function parseString(text: string, at: number): number {
  const start = at;
  at++;
  while (at < text.length) {
    const c = text[at];
    if (c === '"') return at + 1;
    if (c === "\\") {
      const next = text[at + 1];
      if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
      else if (next !== undefined && '"\\/bfnrt'.includes(next)) at += 2;
      else {
        throw new Broken(at, {
          zh: "字符串中有无效的转义序列",
          en: "invalid escape sequence in a string",
        });
      }
    } else if (c < " ") {
      throw new Broken(at, {
        zh: "字符串中不能直接换行或含控制字符（是否漏了右引号？）",
        en: "a string cannot contain a line break or control character (a missing closing quote?)",
      });
    } else at++;
  }
  throw new Broken(start, {
    zh: "字符串没有结束的双引号",
    en: "this string has no closing double quote",
  });
}

function parseNumber(text: string, at: number): number {
  const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
  if (!match) {
    throw new Broken(at, { zh: "无效的数字", en: "invalid number" });
  }
  return at + match[0].length;
}

function unexpected(text: string, at: number): Bilingual {
  if (at >= text.length) {
    return {
      zh: "文件意外结束（是否漏了 } 或 ]？）",
      en: "unexpected end of file (a missing } or ]?)",
    };
  }
  const c = text[at];
  if (c === "'") {
    return {
      zh: "JSON 字符串必须用双引号，不能用单引号",
      en: "JSON strings need double quotes, not single quotes",
    };
  }
  if (c === "/") return { zh: "JSON 不支持注释", en: "JSON has no comments" };
  return {
    zh: `此处应为一个值，实际是 ${found(text, at).zh}`,
    en: `expected a value, found ${found(text, at).en}`,
  };
}

/** What stands at an offset: a whole word when it is one (`tru`), else one character. */
function found(text: string, at: number): Bilingual {
  if (at >= text.length) return { zh: "文件结尾", en: "the end of the file" };
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at, at + 40))?.[0];
  const shown = quote(word ?? text[at]);
  return { zh: shown, en: shown };
}

function quote(text: string): string {
  return text.includes('"') ? `'${text}'` : `"${text}"`;
}
