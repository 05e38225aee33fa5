import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import sharp from "sharp";
import chartCss from "../../../styles/chart.css?raw";
import { cardSvg } from "../../../render/card.ts";
import { sceneToSvg } from "../../../render/server.ts";
import { sizes, type SizeName } from "../../../render/scene.ts";
import { chartStates, scenesFor } from "../../../story/figure-model.ts";
import { getStory } from "../../../story/story.ts";

/**
 * Every chart state as files: a standalone SVG per size (the no-JS step images, downloads, embed
 * fallbacks) and a PNG share card (og:image, oEmbed thumbnail, "Download image").
 */
export const getStaticPaths = (() => {
  const story = getStory();
  return chartStates(story).flatMap(({ chart, step, alt, state }) => {
    const scenes = scenesFor(story, chart, state);
    const furniture = story.furniture[chart]!;
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
        props: { kind: "png" as const, svg: cardSvg(scenes.wide, furniture, alt, chartCss) },
      },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) => {
  if (props.kind === "png") {
    const png = await sharp(Buffer.from(props.svg)).png({ compressionLevel: 9 }).toBuffer();
    return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
  }
  const withStyle = props.svg.replace(/(<svg[^>]*>)/, `$1<style>${chartCss}</style>`);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${withStyle}`, {
    headers: { "Content-Type": "image/svg+xml" },
  });
};
