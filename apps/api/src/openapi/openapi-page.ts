/**
 * `/docs` as one server-rendered page: every operation of the OpenAPI document with who may call
 * it, its parameters, body schema and responses. No script and no asset to fetch, so it works
 * offline and behind any proxy; tools that want the document read `/docs/openapi.json`.
 */
import { escapeHtml } from '@pedigree/html';

type Json = Record<string, unknown>;

/** Escapes, then shows `code` spans as code: the summaries and descriptions use them. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const schemaBlock = (schema: unknown) =>
  `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;

function operationHtml(method: string, path: string, op: Json): string {
  const parameters = (op.parameters as Json[] | undefined) ?? [];
  const body = (op.requestBody as Json | undefined)?.content as Json | undefined;
  const responses = op.responses as Record<string, Json>;
  const id = String(op.operationId);
  return `<section class="op" id="${escapeHtml(id)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${prose(String(op.summary))}</p>
${String(op.description ?? '')
  .split('\n\n')
  .map((p) => `<p class="more">${prose(p)}</p>`)
  .join('\n')}
${
  parameters.length > 0
    ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${parameters
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
}
${body ? `<details><summary>Request body (JSON)</summary>${schemaBlock((body['application/json'] as Json).schema)}</details>` : ''}
<ul class="responses">${Object.entries(responses)
    .map(([status, response]) => {
      const content = Object.entries((response.content as Record<string, Json>) ?? {});
      const types = content.map(([type]) => type).join(', ');
      const schema = content.find(
        ([type, media]) =>
          type === 'application/json' && Object.keys(media.schema as Json).length > 0,
      );
      return `<li><strong>${status}</strong> ${prose(String(response.description))}${types ? ` <span class="types">${escapeHtml(types)}</span>` : ''}${
        schema && !('$ref' in (schema[1].schema as Json))
          ? `<details><summary>Body schema</summary>${schemaBlock(schema[1].schema)}</details>`
          : ''
      }</li>`;
    })
    .join('')}</ul>
</section>`;
}

export function openApiPage(document: Json): string {
  const info = document.info as Json;
  const byTag = new Map<string, string[]>();
  for (const [path, operations] of Object.entries(document.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(operations as Record<string, Json>)) {
      const tag = ((op.tags as string[])[0] ?? '') || 'root';
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op)]);
    }
  }
  const tags = [...byTag.keys()].sort();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title))} API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}
code,pre{font:13px ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;overflow:auto}
.op{border-top:1px solid #ccc;padding:.5rem 0}.op h3{margin:.3rem 0;font-size:1rem}
.method{display:inline-block;min-width:4.5rem;text-align:center;border-radius:3px;padding:0 .3rem;color:#fff;background:#3b4a6b}
.method.post{background:#1d6b3a}.method.delete{background:#8a1c1c}.method.patch{background:#6b4a1d}
.more{color:#444;margin:.2rem 0}table{border-collapse:collapse;margin:.3rem 0}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left}
.types{color:#555;font-size:.85em}nav a{margin-right:.6rem}
</style></head><body>
<h1>${escapeHtml(String(info.title))} API <small>${escapeHtml(String(info.version))}</small></h1>
<p>${prose(String(info.description))}</p>
<p>The machine-readable document: <a href="docs/openapi.json"><code>/docs/openapi.json</code></a> (OpenAPI 3.1).</p>
<nav>${tags.map((t) => `<a href="#tag-${escapeHtml(t)}">${escapeHtml(t)}</a>`).join('')}</nav>
${tags.map((t) => `<h2 id="tag-${escapeHtml(t)}">${escapeHtml(t)}</h2>\n${byTag.get(t)!.join('\n')}`).join('\n')}
</body></html>`;
}
