import { Hono } from "hono";
import { ASSETS } from "../../../views/admin/asset_urls.ts";

/**
 * `GET /assets/admin.css`, `GET /assets/htmx.min.js`: the admin's static files, from memory.
 * Pages link them with a content hash (`?v=`), so they may be cached for a year.
 */
export function assetsRoutes(): Hono {
  const app = new Hono();
  app.get("/:name", (c) => {
    const asset = ASSETS[c.req.param("name")];
    if (!asset || !Object.hasOwn(ASSETS, c.req.param("name"))) return c.notFound();
    const etag = `"${asset.hash}"`;
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    c.header("ETag", etag);
    c.header("X-Content-Type-Options", "nosniff");
    if (c.req.header("if-none-match") === etag) return c.body(null, 304);
    c.header("Content-Type", asset.contentType);
    return c.body(asset.body);
  });
  return app;
}
