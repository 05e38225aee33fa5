import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { oembedFor } from "../../embed/oembed.ts";
import { ALL_STEPS, embedEntries } from "../../story/embeds.ts";
import { getStory } from "../../story/story.ts";

/** A static oEmbed JSON beside every embed page: /oembed/embed/<chart>/<step>.json. */
export const getStaticPaths = (() => {
  const story = getStory();
  const unrolled = Object.keys(story.furniture).map((chart) => ({
    chart,
    step: ALL_STEPS,
    path: `/embed/${chart}/${ALL_STEPS}/`,
  }));
  return [...embedEntries(story), ...unrolled].map((entry) => {
    const section = story.sections.find((s) => s.chart === entry.chart);
    const imageStep = entry.step === ALL_STEPS ? (section?.steps[0]?.id ?? "default") : (entry.step ?? "default");
    return {
      params: { path: entry.path.replace(/^\/|\/$/g, "") },
      props: { entry, title: story.furniture[entry.chart]!.title, imageStep },
    };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => {
  const origin = site!.href.replace(/\/$/, "");
  const { entry } = props;
  const body = oembedFor({
    site: origin,
    path: entry.path,
    chart: entry.chart,
    title: props.title,
    image: `${origin}/charts/${entry.chart}/${props.imageStep}-card.png`,
    id: `revolving-door-${entry.chart}-${entry.step ?? "default"}`,
  });
  return new Response(JSON.stringify(body, null, 2), { headers: { "Content-Type": "application/json+oembed" } });
};
