import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";
import { currentContentDir } from "../../content/load.ts";
import { tables } from "../../data/load.ts";

/** The exact CSV files behind the charts, served as editors wrote them, sources and all. */
export const getStaticPaths = (() => tables.map((t) => ({ params: { file: t.file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(currentContentDir(), "data", params.file!), "utf8"), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
