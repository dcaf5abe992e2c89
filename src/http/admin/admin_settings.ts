/** Settings of the browser admin (read from the environment by `readConfig`). */
export interface AdminSettings {
  /** How long a session lasts after sign-in (`WHISTLE_SESSION_HOURS`, default 12). */
  sessionTtlMs: number;
  /**
   * When the session cookie gets `Secure` (`WHISTLE_COOKIE_SECURE`): `auto` (default) when the
   * request came over https (or `X-Forwarded-Proto: https` behind a trusted proxy, or a https
   * public origin); `always`; `never`.
   */
  cookieSecure: "auto" | "always" | "never";
  /**
   * The origin browsers use, e.g. `https://whistle.example.gov.cn` (`WHISTLE_PUBLIC_ORIGIN`):
   * state-changing requests must come from it. Unset: the origin of the request itself.
   */
  publicOrigin: string | null;
  /**
   * Behind a reverse proxy (`WHISTLE_TRUST_PROXY=1`): the client address comes from
   * `X-Forwarded-For` and the scheme from `X-Forwarded-Proto`.
   */
  trustProxy: boolean;
}

/** The settings when nothing is configured. */
export const DEFAULT_ADMIN_SETTINGS: AdminSettings = {
  sessionTtlMs: 12 * 60 * 60 * 1000,
  cookieSecure: "auto",
  publicOrigin: null,
  trustProxy: false,
};
