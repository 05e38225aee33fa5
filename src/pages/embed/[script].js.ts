import { join } from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";
import { build } from "esbuild";

/**
 * The two embed scripts, bundled and minified from src/embed/ as classic scripts (not modules):
 * a sandboxed iframe has an opaque origin, and a module script would then need CORS to load.
 * host.js is what newsrooms paste beside the iframe; child.js runs inside the embed page.
 */
export const getStaticPaths = (() => [
  { params: { script: "host" } },
  { params: { script: "child" } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const result = await build({
    entryPoints: [join(process.cwd(), "src", "embed", `${params.script!}.ts`)],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    write: false,
  });
  return new Response(result.outputFiles[0]!.text, { headers: { "Content-Type": "text/javascript" } });
};
