/** Starting heights when no script resizes the iframe: the tallest content of each chart's embed, measured in Chromium at 330 to 1200 px. Re-measure when its furniture grows. */
export const START_HEIGHT: Record<string, number> = { prisoners: 770, deals: 750, routes: 720 };

export interface SnippetInput {
  /** Absolute URL of the embed page. */
  src: string;
  /** Absolute URL of the host script. */
  hostScript: string;
  title: string;
  chart: string;
  id: string;
}

/** The copy-paste code: an iframe that reads right on its own, plus the optional resizer. */
export function embedSnippet({ src, hostScript, title, chart, id }: SnippetInput): string {
  const height = START_HEIGHT[chart] ?? 720;
  const escaped = title.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return (
    `<iframe data-revolving-door src="${src}" title="${escaped}" id="${id}" loading="lazy" ` +
    `style="width:100%;height:${height}px;border:0"></iframe>\n` +
    `<script defer src="${hostScript}"></script>`
  );
}
