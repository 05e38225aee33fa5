/**
 * The HTTP headers the site needs from whatever serves it. The pages carry their own
 * Content-Security-Policy as a meta tag, but a meta policy cannot say who may frame a page
 * (frame-ancestors), so without these headers any site could frame the story. One list of rules
 * is written three ways: `_headers` in the built site (read by Netlify, Cloudflare Pages and
 * other hosts of that format) and the nginx and Caddy snippets in the README (a test keeps the
 * README's copies identical to these).
 *
 * Hosts differ in how they combine two rules that match one path (Cloudflare joins the values,
 * Netlify keeps one), so no path matches two rules: each top-level file or folder of the site
 * gets exactly one.
 */

/** Who may frame the embeds: REVOLVING_DOOR_EMBED_ANCESTORS, a space-separated list; any site by default. */
export const EMBED_ANCESTORS_VARIABLE = "REVOLVING_DOOR_EMBED_ANCESTORS";

export type PathClass = "story" | "embed" | "hashed" | "files";

const SOURCES =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";
const SHORT_CACHE = "public, max-age=300";

/** The headers of each kind of path, given who may frame the embeds. */
export function headersFor(kind: PathClass, embedAncestors: string): [string, string][] {
  const common: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "no-referrer"],
  ];
  switch (kind) {
    case "story":
      return [
        ["Content-Security-Policy", `${SOURCES}; frame-ancestors 'none'`],
        ["X-Frame-Options", "DENY"],
        ...common,
        ["Cache-Control", SHORT_CACHE],
      ];
    case "embed":
      return [
        ["Content-Security-Policy", `${SOURCES}; frame-ancestors ${embedAncestors}`],
        ...common,
        ["Cache-Control", SHORT_CACHE],
      ];
    case "hashed":
      return [...common, ["Cache-Control", "public, max-age=31536000, immutable"]];
    case "files":
      return [...common, ["Cache-Control", SHORT_CACHE]];
  }
}

/**
 * The embed ancestors from the environment: `*` (any site) by default, or a list such as
 * `https://news.example.org https://*.example.com`. Returns a problem for anything else.
 */
export function embedAncestors(env: NodeJS.ProcessEnv): { value: string } | { problem: string } {
  const raw = env[EMBED_ANCESTORS_VARIABLE]?.trim();
  if (!raw) return { value: "*" };
  const bad = raw
    .split(/\s+/)
    .find(
      (source) => !(source === "*" || source === "'self'" || /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(source)),
    );
  if (bad) {
    return {
      problem: `Build stopped: ${EMBED_ANCESTORS_VARIABLE} has "${bad}", which is not a site a browser can match.\n  fix:   List whole origins separated by spaces, e.g. ${EMBED_ANCESTORS_VARIABLE}="https://news.example.org https://*.example.com", or leave it unset to let any site embed the charts.`,
    };
  }
  return { value: raw };
}

/** Which kind a top-level file or folder of the built site is. */
export function classOf(entry: string): PathClass {
  if (entry === "index.html") return "story";
  if (entry === "embed") return "embed";
  if (entry === "_astro") return "hashed";
  return "files";
}

/**
 * The `_headers` file for a built site, from its top-level files and folders: one rule per path,
 * so that no two rules ever meet on one request.
 */
export function headersFile(entries: readonly { name: string; folder: boolean }[], ancestors: string): string {
  const rules: [string, PathClass][] = [["/", "story"]];
  for (const { name, folder } of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    if (name === "_headers") continue;
    rules.push([folder ? `/${name}/*` : `/${name}`, classOf(name)]);
  }
  const blocks = rules.map(([path, kind]) =>
    [path, ...headersFor(kind, ancestors).map(([name, value]) => `  ${name}: ${value}`)].join("\n"),
  );
  return `# Written by npm run build (scripts/lib/host-headers.ts). Read by Netlify, Cloudflare Pages and hosts of that format.\n${blocks.join("\n")}\n`;
}

const quoteNginx = (value: string): string => `"${value.replace(/"/g, '\\"')}"`;

/** The nginx snippet for the README: one location per kind, every header with `always`. */
export function nginxSnippet(ancestors = "*"): string {
  const location = (match: string, kind: PathClass): string =>
    [
      `location ${match} {`,
      ...headersFor(kind, ancestors).map(([name, value]) => `    add_header ${name} ${quoteNginx(value)} always;`),
      "}",
    ].join("\n");
  return [
    "# inside server { root /path/to/dist; … }",
    location("= /", "story"),
    location("= /index.html", "story"),
    location("^~ /embed/", "embed"),
    location("^~ /_astro/", "hashed"),
    location("/", "files"),
    "location = /_headers {\n    return 404;\n}",
  ].join("\n");
}

/** The Caddy snippet for the README: one matcher per kind, none overlapping. */
export function caddySnippet(ancestors = "*"): string {
  const header = (matcher: string, kind: PathClass): string =>
    [`header ${matcher} {`, ...headersFor(kind, ancestors).map(([name, value]) => `    ${name} "${value}"`), "}"].join(
      "\n",
    );
  return [
    "# inside your site block, beside: root * /path/to/dist and file_server",
    "@story path / /index.html",
    "@embed path /embed/*",
    "@hashed path /_astro/*",
    "@files not path / /index.html /embed/* /_astro/*",
    header("@story", "story"),
    header("@embed", "embed"),
    header("@hashed", "hashed"),
    header("@files", "files"),
    "respond /_headers 404",
  ].join("\n");
}
