import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip } from "node:zlib";
import { extname, join, normalize } from "node:path";

/** The Content-Type a static host sends for a file of the built site, by its extension. */
const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

export function contentType(file: string): string {
  return types[extname(file)] ?? "application/octet-stream";
}

/** A server on loopback and the origin it answers on. */
export interface Served {
  server: Server;
  origin: string;
  close: () => Promise<void>;
}

/**
 * Listens on loopback at a port the OS picks (port 0), so nothing depends on a port being free.
 * Rejects if the server cannot listen: a server that failed to start must fail its caller, never
 * leave it waiting.
 */
export function listen(server: Server): Promise<Served> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done, fail) => {
            server.close((error) => {
              if (error) fail(error);
              else done();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * Serves a built site on loopback for the browser tests, the bench and the screenshots, as a
 * production static host would: gzip for text, and long-lived caching for Astro's content-hashed
 * assets. `root()` is read on each request, so the server can start before the site is built.
 */
export function serveStatic(root: () => string): Promise<Served> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(
      /^(\.\.[/\\])+/,
      "",
    );
    let file = join(root(), path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    const type = contentType(file);
    const cache = path.startsWith("/_astro/") ? "public, max-age=31536000, immutable" : "public, max-age=300";
    const gzip = /gzip/.test(String(req.headers["accept-encoding"])) && !/^(image\/png|font\/)/.test(type);
    res.writeHead(200, {
      "Content-Type": type,
      "Cache-Control": cache,
      Vary: "Accept-Encoding",
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    });
    const stream = createReadStream(file);
    if (gzip) stream.pipe(createGzip()).pipe(res);
    else stream.pipe(res);
  });
  return listen(server);
}
