/**
 * The facts a case offers to exception rules. This is the one place they are documented; the
 * validator refuses rules that name any other fact.
 *
 * @module
 */

/** Urgency as the upstream system reports it. */
export type Urgency = "normal" | "urgent";

/** What the caller knows about a case; `decide()` derives the rest. */
export interface CaseFacts {
  /** Matter type code (事项编码). */
  type: string;
  /** Area (street or community) code of the location, when known. */
  area_code?: string;
  /** Grid code (网格编码) of the location, when known. */
  grid_code?: string;
  urgency: Urgency;
  /** How the case came in: `hotline`, `grid_app`, `wechat`, `web`, ... */
  channel: string;
  /** The upstream system that posted it. */
  source: string;
  /** Title and description, joined: what keyword rules search. */
  text: string;
  /** When the citizen reported it (ISO 8601). */
  reported_at: string;
}

/** A fact exception rules may use, with its meaning in both languages. */
export interface FactDefinition {
  name: string;
  type: "string" | "number";
  zh: string;
  en: string;
}

/** Every fact available to exception rules: the caller's facts plus the derived ones. */
export const FACTS: readonly FactDefinition[] = [
  { name: "type", type: "string", zh: "事项编码", en: "matter type code" },
  {
    name: "category",
    type: "string",
    zh: "事项类别（由事项编码得出）",
    en: "matter category (derived from type)",
  },
  {
    name: "area_code",
    type: "string",
    zh: "区域（街道或社区）编码",
    en: "area (street or community) code",
  },
  { name: "grid_code", type: "string", zh: "网格编码", en: "grid code" },
  {
    name: "urgency",
    type: "string",
    zh: "紧急程度：normal 或 urgent",
    en: "urgency: normal or urgent",
  },
  {
    name: "channel",
    type: "string",
    zh: "来源渠道，如 hotline、grid_app",
    en: "channel, e.g. hotline, grid_app",
  },
  { name: "source", type: "string", zh: "上报系统", en: "the upstream system" },
  { name: "text", type: "string", zh: "标题与描述全文", en: "title and description text" },
  {
    name: "hour",
    type: "number",
    zh: "上报时刻（北京时间，0–23 时）",
    en: "hour reported, Beijing time (0–23)",
  },
  {
    name: "weekday",
    type: "number",
    zh: "上报星期（北京时间，1=周一 … 7=周日）",
    en: "weekday reported, Beijing time (1=Mon … 7=Sun)",
  },
];

/** Operators Whistle adds to json-rules-engine's built-in ones. */
export const CUSTOM_OPERATORS: readonly { name: string; zh: string; en: string }[] = [
  { name: "containsText", zh: "文本包含该词", en: "text contains the word" },
  { name: "containsAnyText", zh: "文本包含任一词", en: "text contains any of the words" },
];

/** json-rules-engine's built-in operators. */
export const BUILTIN_OPERATORS: readonly string[] = [
  "equal",
  "notEqual",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
];
