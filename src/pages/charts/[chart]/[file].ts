import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import sharp from "sharp";
import chartCss from "../../../styles/chart.css?raw";
import { charts } from "../../../charts/registry.ts";
import { CARD_CHART, cardSvg } from "../../../render/card.ts";
import { embeddedFontFaces, useStoryFontInSharp } from "../../../render/fonts.ts";
import { customProperties, resolvedStylesheet } from "../../../render/palette.ts";
import { sceneToSvg } from "../../../render/server.ts";
import { sizes, type SizeName } from "../../../render/scene.ts";
import { embedEntries } from "../../../story/embeds.ts";
import { scenesFor } from "../../../story/figure-model.ts";
import { getStory } from "../../../story/story.ts";

/**
 * Every chart state as files: a standalone SVG per size (the no-JS step images, print, downloads)
 * and a PNG share card (og:image, oEmbed thumbnail, "Download image"). Both are light-themed and
 * self-contained whatever the system theme of whoever opens them: every colour written out, the
 * typeface embedded (SVG) or installed for sharp (PNG).
 */
export const getStaticPaths = (() => {
  const story = getStory();
  // Every state an embed can show: each step's, and each chart's default ("default-…").
  return embedEntries(story).flatMap(({ chart, step = "default", alt, state }) => {
    const scenes = scenesFor(story, chart, state);
    const furniture = story.furniture[chart]!;
    const module = charts[chart]!;
    return [
      ...(Object.keys(sizes) as SizeName[]).map((size) => ({
        params: { chart, file: `${step}-${size}.svg` },
        props: {
          kind: "svg" as const,
          svg: sceneToSvg(scenes[size], { title: furniture.title, desc: alt, className: "chart-svg" }),
        },
      })),
      {
        params: { chart, file: `${step}-card.png` },
        props: {
          kind: "png" as const,
          svg: cardSvg(module.layout(story.data, state, CARD_CHART), furniture, module.legend, alt, chartCss),
        },
      },
    ];
  });
}) satisfies GetStaticPaths;

/** The visible text of an SVG, for cutting the embedded typeface down to the characters it needs. */
const visibleText = (svg: string): string =>
  [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]!.replace(/&amp;/g, "&").replace(/&lt;/g, "<")).join("");

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  if (props.kind === "png") {
    await useStoryFontInSharp();
    const png = await sharp(Buffer.from(props.svg)).png({ compressionLevel: 9 }).toBuffer();
    return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
  }
  const style = `<style>${await embeddedFontFaces(visibleText(props.svg))}${resolvedStylesheet(chartCss)}</style>`;
  // A paper-coloured ground, so the light chart reads wherever the file is shown, dark pages included.
  const ground = `<rect width="100%" height="100%" fill="${customProperties(chartCss, "light").get("--c-bg")}"/>`;
  const withStyle = props.svg.replace(/(<svg[^>]*>)/, `$1${style}${ground}`);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${withStyle}`, {
    headers: { "Content-Type": "image/svg+xml" },
  });
};
