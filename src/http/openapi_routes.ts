import type { OpenAPIHono } from "@hono/zod-openapi";
import { type ApiDocument, ApiReferencePage } from "../../views/api_reference_page.tsx";
import type { AppEnv } from "./app_env.ts";

const INFO = {
  title: "Whistle",
  version: "1.0.0",
  description:
    "Case routing for city grid governance and 12345 hotlines: every case gets an owner from the task admission list (事项准入清单) and exception rules, with deadlines; every decision is logged.",
};

/** Adds `GET /openapi.json` (the truth about the API) and `GET /docs` (a page for people). */
export function mountOpenApi(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An API token from `deno task token:create NAME`",
  });
  const document = () => app.getOpenAPI31Document({ openapi: "3.1.0", info: INFO });
  app.get("/openapi.json", (c) => c.json(document()));
  app.get("/docs", (c) => c.html(ApiReferencePage({ doc: document() as ApiDocument })));
}
