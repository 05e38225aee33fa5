import { CARD } from "../render/card.ts";
import { embedSnippet, START_HEIGHT } from "./snippet.ts";

/** The oEmbed 1.0 "rich" response for one embed page (https://oembed.com, section 2.3.4). */
export interface OEmbedRich {
  version: "1.0";
  type: "rich";
  html: string;
  width: number;
  height: number;
  title: string;
  provider_name: string;
  provider_url: string;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

export const PROVIDER = "Revolving Door";

export function oembedFor(input: {
  site: string;
  path: string;
  chart: string;
  title: string;
  image: string;
  id: string;
}): OEmbedRich {
  return {
    version: "1.0",
    type: "rich",
    html: embedSnippet({
      src: `${input.site}${input.path}`,
      hostScript: `${input.site}/embed/host.js`,
      title: input.title,
      chart: input.chart,
      id: input.id,
    }),
    width: 720,
    height: START_HEIGHT[input.chart] ?? 720,
    title: input.title,
    provider_name: PROVIDER,
    provider_url: `${input.site}/`,
    thumbnail_url: input.image,
    thumbnail_width: CARD.width,
    thumbnail_height: CARD.height,
  };
}
