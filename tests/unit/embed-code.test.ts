import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { oembedFor, PROVIDER } from "../../src/embed/oembed.ts";
import {
  ampMessage,
  isOwnMessage,
  isPymWidthMessage,
  MESSAGE_TYPE,
  ownMessage,
  pymMessage,
  REQUEST_TYPE,
} from "../../src/embed/protocol.ts";
import { embedSnippet, START_HEIGHT } from "../../src/embed/snippet.ts";
import { CARD, cardSvg } from "../../src/render/card.ts";
import type { Furniture } from "../../src/content/furniture.ts";

/** The snippet as a newsroom's CMS would parse it: an iframe and a script element. */
const parse = (html: string): { iframe: Element; script: Element } => {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return { iframe: document.querySelector("iframe")!, script: document.querySelector("script")! };
};

const input = {
  src: "https://story.example/embed/deals/kellogg/",
  hostScript: "https://story.example/embed/host.js",
  title: 'Prisoners "for" sanctions & relief',
  chart: "deals",
  id: "revolving-door-deals-kellogg",
};

describe("the embed snippet", () => {
  it("is an iframe that reads right on its own, plus the optional host script", () => {
    const { iframe, script } = parse(embedSnippet(input));
    expect(iframe.getAttribute("src")).toBe(input.src);
    expect(iframe.hasAttribute("data-revolving-door")).toBe(true);
    expect(iframe.getAttribute("id")).toBe(input.id);
    expect(iframe.getAttribute("loading")).toBe("lazy");
    expect(iframe.getAttribute("style")).toBe(`width:100%;height:${START_HEIGHT.deals}px;border:0`);
    expect(script.getAttribute("src")).toBe(input.hostScript);
    expect(script.hasAttribute("defer")).toBe(true);
  });

  it("escapes the title for its attribute, so quotes and ampersands reach the reader as written", () => {
    const html = embedSnippet(input);
    expect(html).toContain('title="Prisoners &quot;for&quot; sanctions &amp; relief"');
    expect(parse(html).iframe.getAttribute("title")).toBe(input.title);
  });

  it("starts each chart at its own measured height, and an unknown chart at 720 px", () => {
    for (const [chart, height] of Object.entries(START_HEIGHT)) {
      expect(parse(embedSnippet({ ...input, chart })).iframe.getAttribute("style")).toContain(`height:${height}px`);
    }
    expect(parse(embedSnippet({ ...input, chart: "new-chart" })).iframe.getAttribute("style")).toContain(
      "height:720px",
    );
  });
});

describe("the oEmbed response", () => {
  it("is a rich oEmbed 1.0 response with the snippet, sized as the snippet and the card are", () => {
    const response = oembedFor({
      site: "https://story.example",
      path: "/embed/deals/kellogg/",
      chart: "deals",
      title: "Prisoners & relief",
      image: "https://story.example/charts/deals/kellogg-card.png",
      id: "revolving-door-deals-kellogg",
    });
    expect(response).toEqual({
      version: "1.0",
      type: "rich",
      html: embedSnippet({
        src: "https://story.example/embed/deals/kellogg/",
        hostScript: "https://story.example/embed/host.js",
        title: "Prisoners & relief",
        chart: "deals",
        id: "revolving-door-deals-kellogg",
      }),
      width: 720,
      height: START_HEIGHT.deals,
      title: "Prisoners & relief",
      provider_name: PROVIDER,
      provider_url: "https://story.example/",
      thumbnail_url: "https://story.example/charts/deals/kellogg-card.png",
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(PROVIDER).toBe("Revolving Door");
  });

  it("falls back to 720 px high for a chart without a measured height", () => {
    expect(oembedFor({ site: "s", path: "/p/", chart: "other", title: "t", image: "i", id: "x" }).height).toBe(720);
  });
});

describe("the resize messages", () => {
  it("speak our format, pym.js's and AMP's", () => {
    expect(ownMessage("a", 300)).toEqual({ type: "revolving-door:height", id: "a", height: 300 });
    expect(MESSAGE_TYPE).toBe("revolving-door:height");
    expect(REQUEST_TYPE).toBe("revolving-door:request-height");
    expect(pymMessage("a", 300)).toBe("pymxPYMxaxPYMxheightxPYMx300");
    expect(ampMessage(300)).toEqual({ sentinel: "amp", type: "embed-size", height: 300 });
  });

  it("recognise only a well-formed height message of ours", () => {
    expect(isOwnMessage({ type: MESSAGE_TYPE, id: "a", height: 3 })).toBe(true);
    expect(isOwnMessage({ type: "other", id: "a", height: 3 })).toBe(false);
    expect(isOwnMessage({ type: MESSAGE_TYPE, id: 1, height: 3 })).toBe(false);
    expect(isOwnMessage({ type: MESSAGE_TYPE, id: "a", height: "3" })).toBe(false);
    expect(isOwnMessage({ type: MESSAGE_TYPE, id: "a", height: Number.NaN })).toBe(false);
    expect(isOwnMessage({ type: MESSAGE_TYPE, id: "a", height: Number.POSITIVE_INFINITY })).toBe(false);
    expect(isOwnMessage(null)).toBe(false);
    expect(isOwnMessage("revolving-door:height")).toBe(false);
  });

  it("recognise a pym.js parent asking for a height, and nothing else", () => {
    expect(isPymWidthMessage("pymxPYMxaxPYMxwidthxPYMx600")).toBe(true);
    expect(isPymWidthMessage("pymxPYMxaxPYMxheightxPYMx600")).toBe(false);
    expect(isPymWidthMessage("xPYMxwidthxPYMx600")).toBe(false);
    expect(isPymWidthMessage({ type: "width" })).toBe(false);
  });
});

describe("the share card", () => {
  const furniture = {
    title: "Freed <b>& jailed</b>",
    sourceline: "Sources: A & B <i>",
    credit: "Graphic: <desk>",
  } as Furniture;
  const legend = [{ swatch: "swatch--in", label: "In & <out>" }];
  const scene = { width: 720, height: 440, layers: [{ id: "marks", marks: [] }] };
  const css = readFileSync(join("src", "styles", "chart.css"), "utf8");
  const card = (): { svg: string; document: Document } => {
    const svg = cardSvg(scene, furniture, legend, "Alt & text", css);
    return { svg, document: parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document };
  };

  it("is a 1200 × 630 SVG with the title, the legend, the chart state and the source line", () => {
    const { document } = card();
    const root = document.querySelector("svg")!;
    expect([root.getAttribute("width"), root.getAttribute("height")]).toEqual([
      String(CARD.width),
      String(CARD.height),
    ]);
    expect(root.getAttribute("viewBox")).toBe("0 0 1200 630");
    /** A text block's lines (its tspans, wrapped to the column), read as one string. */
    const text = (selector: string): string =>
      [...document.querySelectorAll(`${selector} tspan`)].map((line) => line.textContent).join(" ");
    expect(text(".card-title")).toBe(furniture.title);
    expect(text(".card-legend")).toBe("In & <out>");
    expect(text(".card-foot")).toBe(`${furniture.sourceline}. ${furniture.credit}.`);
    expect(document.querySelector("svg.card-chart desc")?.textContent).toBe("Alt & text");
  });

  it("draws each legend swatch as the page does: filled in its colour, or as an outline when the page draws one", () => {
    const swatches = [
      { swatch: "recognised", label: "In" },
      { swatch: "no-count", label: "No published count" },
    ];
    const svg = cardSvg(scene, furniture, swatches, "Alt", css);
    const rects = [
      ...parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelectorAll(
        "svg > rect[width='18']",
      ),
    ];
    const [filled, outlined] = rects.map((r) => [r.getAttribute("fill"), r.getAttribute("stroke")]);
    expect(filled![0]).toMatch(/^#[0-9a-f]{6}$/i);
    expect(filled![1]).toBeNull();
    expect(outlined![0]).toBe("none");
    expect(outlined![1]).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it("escapes text, so a title with < or & cannot break the image", () => {
    const { svg, document } = card();
    expect(svg).toContain("Freed &lt;b&gt;&amp; jailed&lt;/b&gt;");
    expect(svg).toContain("In &amp; &lt;out&gt;");
    expect(document.querySelectorAll("b, i, desk, out").length).toBe(0);
  });
});
