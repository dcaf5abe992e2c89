import type { NewCase, Reporter } from "../cases/new_case.ts";
import type { CompiledRuleset } from "../routing/compile_ruleset.ts";
import { Open311Error } from "./open311_error.ts";
import { type Open311Params, param } from "./open311_params.ts";
import { validateAttributeAnswers } from "./validate_attribute_answers.ts";

/** Who posts and when, and the retry key, if the client sent one. */
export interface ServiceRequestContext {
  /** The API token's name: the case's `source`. */
  source: string;
  now: Date;
  /** `Idempotency-Key` header: the case's `external_id`, so that a retry finds the same case. */
  idempotencyKey?: string;
}

/** The channel Open311 cases arrive by (a routing fact rules may test). */
export const OPEN311_CHANNEL = "open311";

const MAX_DESCRIPTION = 4_000;
const TITLE_LENGTH = 60;
const REPORTER_LIMITS: Record<keyof Reporter, number> = {
  name: 100,
  first_name: 100,
  last_name: 100,
  phone: 32,
  email: 254,
  device_id: 200,
  account_id: 200,
};

/**
 * Turns the parameters of GeoReport v2's `POST requests` into the case intake takes, or throws
 * an {@link Open311Error} (400) listing every problem: `service_code` missing or not a service,
 * no location (`lat`+`long`, `address_string` or `address_id`), a bad coordinate, email or
 * `media_url`, or `attribute[CODE]` answers that do not fit the service definition.
 *
 * The case gets `source` = the token's name, `channel` = `open311`, `external_id` = the
 * idempotency key or a new `open311-<uuid>`, a title from the description's first line (or the
 * service name), and the reporter fields as personal data.
 *
 * @example
 * ```ts ignore
 * const input = parseServiceRequest(params, ruleset, { source: "city-app", now: new Date() });
 * await receiveCase(deps, input, context);
 * ```
 */
export function parseServiceRequest(
  params: Open311Params,
  ruleset: CompiledRuleset,
  context: ServiceRequestContext,
): NewCase {
  const problems: string[] = [];
  const serviceCode = param(params, "service_code");
  const matter = serviceCode === undefined ? undefined : ruleset.matterTypes.get(serviceCode);
  if (serviceCode === undefined) {
    problems.push("service_code was not provided (GET services.json lists the services)");
  } else if (!matter) {
    problems.push(
      `service_code ${serviceCode} is not a service of this jurisdiction (GET services.json lists them)`,
    );
  }

  const lat = coordinate(params, "lat", 90, problems);
  const lng = coordinate(params, "long", 180, problems);
  if (
    (lat === undefined) !== (lng === undefined) && !problems.some((p) => /^(lat|long) /.test(p))
  ) {
    problems.push("lat and long go together: send both or neither");
  }
  const address = param(params, "address_string");
  const addressId = param(params, "address_id");
  const located = (lat !== undefined && lng !== undefined) || address || addressId;
  if (!located && !problems.some((p) => /^(lat|long) /.test(p))) {
    problems.push("a location is required: lat and long, address_string or address_id");
  }
  if (address !== undefined && address.length > 500) {
    problems.push("address_string is longer than 500 characters");
  }
  if (addressId !== undefined && addressId.length > 200) {
    problems.push("address_id is longer than 200 characters");
  }

  const description = params.get("description")?.[0]?.trim() ?? "";
  if (description.length > MAX_DESCRIPTION) {
    problems.push(`description is longer than ${MAX_DESCRIPTION} characters`);
  }
  const mediaUrl = param(params, "media_url");
  if (mediaUrl !== undefined && !isHttpUrl(mediaUrl)) {
    problems.push("media_url must be an http or https URL of at most 2000 characters");
  }

  const reporter: Reporter = {};
  for (const [field, max] of Object.entries(REPORTER_LIMITS) as [keyof Reporter, number][]) {
    if (field === "name") continue;
    const value = param(params, field);
    if (value === undefined) continue;
    if (value.length > max) problems.push(`${field} is longer than ${max} characters`);
    else reporter[field] = value;
  }
  if (reporter.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(reporter.email)) {
    problems.push("email is not an email address");
  }

  const key = context.idempotencyKey?.trim();
  if (key !== undefined && (key === "" || key.length > 128)) {
    problems.push("the Idempotency-Key header must be 1 to 128 characters");
  }

  let attributes: Record<string, string | string[]> = {};
  if (matter) {
    const checked = validateAttributeAnswers(matter.attributes ?? [], params, matter.code);
    if (checked.ok) attributes = checked.answers;
    else problems.push(...checked.problems);
  }

  if (problems.length > 0 || !matter) throw new Open311Error(400, problems);
  return {
    source: context.source,
    external_id: key || `open311-${crypto.randomUUID()}`,
    type: matter.code,
    title: titleOf(description) ?? matter.name_zh,
    description,
    location: {
      ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
      ...(address !== undefined ? { address } : {}),
      ...(addressId !== undefined ? { address_id: addressId } : {}),
    },
    urgency: "normal",
    channel: OPEN311_CHANNEL,
    reported_at: context.now.toISOString(),
    ...(Object.keys(reporter).length > 0 ? { reporter } : {}),
    ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
    ...(mediaUrl !== undefined ? { media_url: mediaUrl } : {}),
  };
}

function coordinate(
  params: Open311Params,
  name: "lat" | "long",
  limit: number,
  problems: string[],
): number | undefined {
  const text = param(params, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > limit) {
    problems.push(
      `${name} must be a number from -${limit} to ${limit}, got ${JSON.stringify(text)}`,
    );
    return undefined;
  }
  return value;
}

function isHttpUrl(text: string): boolean {
  if (text.length > 2_000) return false;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The first line of the description, cut to {@link TITLE_LENGTH} characters. */
function titleOf(description: string): string | undefined {
  const line = description.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "");
  if (!line) return undefined;
  const chars = [...line];
  return chars.length <= TITLE_LENGTH ? line : `${chars.slice(0, TITLE_LENGTH - 1).join("")}…`;
}
