/** GeoReport v2's service discovery document. */
export interface Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: {
    specification: string;
    url: string;
    changeset: string;
    type: "production";
    formats: string[];
  }[];
}

/**
 * The discovery document of this endpoint: GeoReport v2 at `url`, in XML and JSON, last changed
 * at `changeset` (when the active ruleset, which defines the services, was activated).
 *
 * @example
 * ```ts
 * import { discovery } from "./discovery.ts";
 * const d = discovery("https://whistle.example/open311/v2", "2026-11-23T10:00:00+08:00");
 * d.endpoints[0].formats; // ["text/xml", "application/json"]
 * ```
 */
export function discovery(url: string, changeset: string): Open311Discovery {
  return {
    changeset,
    contact: "The operator of this Whistle service",
    key_service: "API keys are Whistle API tokens with role intake (deno task token:create NAME)",
    endpoints: [{
      specification: "http://wiki.open311.org/GeoReport_v2",
      url,
      changeset,
      type: "production",
      formats: ["text/xml", "application/json"],
    }],
  };
}
