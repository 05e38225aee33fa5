import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { join, normalize } from "node:path";
import { contentType, listen, type Served } from "../../scripts/lib/static-server.ts";

/** One rule of a `_headers` file: a path pattern and the headers it adds. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** Reads `_headers` as Netlify and Cloudflare Pages do: a path line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(":");
      rules.at(-1)!.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** Whether a rule's pattern matches a request path: `*` is a splat, `:name` one segment. */
export function matches(pattern: string, path: string): boolean {
  const regex = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[a-z]+/gi, "[^/]+"))
    .join(".*");
  return new RegExp(`^${regex}$`).test(path);
}

/** The headers a host applies to a path: those of every rule that matches, joined as Cloudflare does. */
export function headersForPath(rules: readonly HeaderRule[], path: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const rule of rules.filter((r) => matches(r.pattern, path))) {
    for (const [name, value] of rule.headers) (out[name.toLowerCase()] ??= []).push(value);
  }
  return out;
}

/**
 * Serves a built site on loopback (port 0: any free port) the way a static host that reads
 * `_headers` would, so tests see the headers readers' browsers will get.
 */
export function serveWithHeaders(root: string): Promise<Served> {
  const rules = parseHeadersFile(readFileSync(join(root, "_headers"), "utf8"));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://host").pathname;
    let file = join(root, normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, ""));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(headersForPath(rules, path)).map(([name, values]) => [name, values.join(", ")]),
    );
    res.writeHead(200, { "content-type": contentType(file), ...headers });
    res.end(readFileSync(file));
  });
  return listen(server);
}

/** A one-page site on another origin: a newsroom's article that frames the story's pages. */
export function serveFramingPage(html: string): Promise<Served> {
  return listen(
    createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html)),
  );
}
