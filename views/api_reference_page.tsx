/** @jsxImportSource hono/jsx */
import { html } from "hono/html";

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { description?: string }>;
}

/** The parts of an OpenAPI document the page shows. */
export interface ApiDocument {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

const METHODS = ["get", "post", "put", "patch", "delete"];

const refName = (ref?: string) => ref?.split("/").pop();

/** A human-readable API reference rendered on the server from the OpenAPI document. */
export function ApiReferencePage(props: { doc: ApiDocument }) {
  const { doc } = props;
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] }))
  );
  return (
    <>
      {html`<!DOCTYPE html>`}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <title>{doc.info.title} — API reference</title>
          <style>
            {`body{font:15px/1.5 system-ui,"WenQuanYi Zen Hei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font-family:ui-monospace,monospace;background:#f4f4f4;padding:.1rem .3rem;border-radius:3px}
section{border-top:1px solid #ddd;padding:.75rem 0}.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}
.post{color:#1a7f37}.get{color:#0969da}table{border-collapse:collapse}td{padding:.15rem .75rem .15rem 0;vertical-align:top}
pre{padding:.75rem;overflow:auto;max-height:24rem}`}
          </style>
        </head>
        <body>
          <h1>
            {doc.info.title} <small>{doc.info.version}</small>
          </h1>
          <p>{doc.info.description}</p>
          <p>
            Machine-readable document: <a href="/openapi.json">/openapi.json</a>. Authenticate with
            {" "}
            <code>Authorization: Bearer &lt;token&gt;</code>{" "}
            (<code>deno task token:create NAME</code>). Errors are{" "}
            <code>{`{ "error": { "code", "message", "details": [{ "field", "message" }] } }`}
            </code>.
          </p>
          {operations.map(({ path, method, op }) => (
            <section id={`${method}-${path}`}>
              <h2>
                <span class={`m ${method}`}>{method}</span>
                <code>{path}</code>
              </h2>
              <p>{op.summary}</p>
              {op.description && <p>{op.description}</p>}
              {op.parameters?.length
                ? (
                  <p>
                    Parameters:{" "}
                    {op.parameters.map((p) => (
                      <code>{p.name} ({p.in}{p.required ? ", required" : ""})</code>
                    ))}
                  </p>
                )
                : null}
              {op.requestBody && (
                <p>
                  Body:{" "}
                  <a
                    href={`#schema-${
                      refName(op.requestBody.content?.["application/json"]?.schema?.$ref)
                    }`}
                  >
                    {refName(op.requestBody.content?.["application/json"]?.schema?.$ref) ?? "JSON"}
                  </a>
                </p>
              )}
              <table>
                {Object.entries(op.responses ?? {}).map(([status, r]) => (
                  <tr>
                    <td>
                      <code>{status}</code>
                    </td>
                    <td>{r.description}</td>
                  </tr>
                ))}
              </table>
            </section>
          ))}
          <h2>Schemas</h2>
          {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
            <section id={`schema-${name}`}>
              <h3>{name}</h3>
              <pre>{JSON.stringify(schema, null, 2)}</pre>
            </section>
          ))}
        </body>
      </html>
    </>
  );
}
