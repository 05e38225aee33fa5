import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { caddySnippet, embedAncestors, headersFile, nginxSnippet } from "../../scripts/lib/host-headers.ts";

const readme = readFileSync("README.md", "utf8");
const block = (language: string): string | undefined =>
  new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\\n\`\`\``).exec(readme)?.[1];

describe("headers for hosts", () => {
  it("gives the README the nginx and Caddy snippets the build's rules make", () => {
    expect(block("nginx")).toBe(nginxSnippet());
    expect(block("caddy")).toBe(caddySnippet());
  });

  it("lets any site frame the embeds by default, or only those listed", () => {
    expect(embedAncestors({})).toEqual({ value: "*" });
    expect(
      embedAncestors({ REVOLVING_DOOR_EMBED_ANCESTORS: " https://news.example.org https://*.example.com " }),
    ).toEqual({
      value: "https://news.example.org https://*.example.com",
    });
    const bad = embedAncestors({ REVOLVING_DOOR_EMBED_ANCESTORS: "news.example.org/path; script-src *" });
    expect("problem" in bad && bad.problem).toMatch(
      /^Build stopped: REVOLVING_DOOR_EMBED_ANCESTORS has "news\.example\.org\/path;"/,
    );
  });

  it("writes one rule for each top-level file and folder of the site, and none for itself", () => {
    const file = headersFile(
      [
        { name: "index.html", folder: false },
        { name: "embed", folder: true },
        { name: "_astro", folder: true },
        { name: "data", folder: true },
        { name: "_headers", folder: false },
      ],
      "https://news.example.org",
    );
    expect(file.split("\n").filter((line) => line.startsWith("/"))).toEqual([
      "/",
      "/_astro/*",
      "/data/*",
      "/embed/*",
      "/index.html",
    ]);
    expect(file).toContain("frame-ancestors https://news.example.org\n");
  });
});
