/**
 * The admin's static files: its stylesheet and htmx (2.x, from the npm package), served by the
 * service itself under `/assets/` with a content hash in the URL, so browsers may cache them
 * for a year and still get a new file the moment it changes.
 *
 * @module
 */

import htmxJs from "htmx.org/dist/htmx.min.js" with { type: "text" };
import { sha256Hex } from "../../src/lib/sha256.ts";
import adminCss from "./admin.css" with { type: "text" };

/** One static file. */
export interface Asset {
  body: string;
  contentType: string;
  /** First characters of the SHA-256 of the body. */
  hash: string;
}

/** The static files by name under `/assets/`. */
export const ASSETS: Readonly<Record<string, Asset>> = {
  "admin.css": { body: adminCss, contentType: "text/css; charset=utf-8", hash: hash(adminCss) },
  "htmx.min.js": {
    body: htmxJs,
    contentType: "text/javascript; charset=utf-8",
    hash: hash(htmxJs),
  },
};

/** The URLs pages link to (with the content hash, so a long cache is safe). */
export const ASSET_URLS: { css: string; htmx: string } = {
  css: `/assets/admin.css?v=${ASSETS["admin.css"].hash}`,
  htmx: `/assets/htmx.min.js?v=${ASSETS["htmx.min.js"].hash}`,
};

function hash(text: string): string {
  return sha256Hex(text).slice(0, 12);
}
