import type { Story } from "../../src/content/load.ts";

/**
 * The content behind a built page, for a crash message: "while building /charts/routes/routes-june-card.png,
 * from content/story/03-the-routes.md:8 (step routes-june)". Content is checked before the build,
 * so a crash is a bug; naming where it happened lets an editor work around it and a developer find it.
 */
export function locateRoute(route: string, story: Story): string {
  const stepOf = (chart: string, step: string): string | undefined => {
    for (const section of story.sections) {
      if (section.chart !== chart) continue;
      const found = section.steps.find((s) => s.id === step);
      if (found) return `${section.file}:${found.line} (step ${step})`;
    }
    return undefined;
  };
  const sectionOf = (chart: string): string | undefined => story.sections.find((s) => s.chart === chart)?.file;
  const furniture = (chart: string): string => `content/charts/${chart}.md`;

  const chartFile = /^\/charts\/([^/]+)\/(.+)-(?:wide|compact|card)\.\w+$/.exec(route);
  if (chartFile) return stepOf(chartFile[1]!, chartFile[2]!) ?? furniture(chartFile[1]!);
  const embed = /^\/(?:oembed\/)?embed\/([^/]+)\/(?:([^/]+?)(?:\/|\.json)?)?$/.exec(route);
  if (embed) {
    const [, chart, step] = embed;
    if (!step || step === "index") return furniture(chart!);
    if (step === "steps") return sectionOf(chart!) ?? furniture(chart!);
    return stepOf(chart!, step) ?? furniture(chart!);
  }
  const data = /^\/data\/([^/]+\.csv)$/.exec(route);
  if (data) return `content/data/${data[1]!}`;
  return "the story page, made from every file in content/";
}
