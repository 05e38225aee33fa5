import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from "astro";
import { figurePayload, statesFile } from "../../story/figure-model.ts";
import { getStory } from "../../story/story.ts";

/** Each scrolly section's precomputed states, fetched by the story's script (see statesFile). */
export const getStaticPaths = (() => {
  const story = getStory();
  return story.sections
    .filter((section) => section.chart)
    .map((section) => ({
      params: { section: section.id },
      props: { json: statesFile(section, figurePayload(story, section)).json },
    }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(props.json, { headers: { "Content-Type": "application/json" } });
