import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import chartCss from "../../../styles/chart.css?raw";
import { sceneToSvg } from "../../../render/server.ts";
import { sizes, type SizeName } from "../../../render/scene.ts";
import { chartStates, scenesFor } from "../../../story/figure-model.ts";
import { getStory } from "../../../story/story.ts";

/** Every chart state as a standalone SVG file: the no-JS step images, downloads and embed fallbacks. */
export const getStaticPaths = (() => {
  const story = getStory();
  return chartStates(story).flatMap(({ chart, step, alt, state }) =>
    (Object.keys(sizes) as SizeName[]).map((size) => ({
      params: { chart, file: `${step}-${size}.svg` },
      props: { title: story.furniture[chart]!.title, alt, scene: scenesFor(story, chart, state)[size] },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) => {
  const svg = sceneToSvg(props.scene, { title: props.title, desc: props.alt, className: "chart-svg" });
  const withStyle = svg.replace(/(<svg[^>]*>)/, `$1<style>${chartCss}</style>`);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${withStyle}`, {
    headers: { "Content-Type": "image/svg+xml" },
  });
};
