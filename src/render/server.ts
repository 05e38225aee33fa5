import { parseHTML } from "linkedom";
import { render } from "./render.ts";
import type { Scene } from "./scene.ts";

export interface SvgText {
  /** Accessible name: the chart's title. */
  title: string;
  /** Accessible description: the text alternative of this state. */
  desc: string;
  className?: string;
}

/**
 * Renders a scene to SVG markup with the same render() the browser uses, against a server DOM.
 * Returned markup is ready to inline in HTML; the browser adopts its nodes by data-key.
 */
export function sceneToSvg(scene: Scene, text: SvgText): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("role", "img");
  if (text.className) svg.setAttribute("class", text.className);
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.textContent = text.title;
  const desc = document.createElementNS("http://www.w3.org/2000/svg", "desc");
  desc.textContent = text.desc;
  svg.append(title, desc);
  document.body.append(svg);
  render(svg, scene, { duration: 0 });
  return svg.outerHTML;
}
