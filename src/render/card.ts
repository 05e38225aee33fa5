import type { Furniture } from "../content/furniture.ts";
import type { Scene } from "./scene.ts";
import { sceneToSvg } from "./server.ts";

/** Share-card size: what social networks and oEmbed consumers expect. */
export const CARD = { width: 1200, height: 630 } as const;

const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * A self-contained SVG of one chart state with its title and source line, for the PNG share card,
 * the oEmbed thumbnail and "Download image". The chart keeps its own styles inside.
 */
export function cardSvg(scene: Scene, furniture: Furniture, alt: string, css: string): string {
  const chart = sceneToSvg(scene, { title: furniture.title, desc: alt, className: "chart-svg" }).replace(
    "<svg ",
    `<svg x="60" y="110" width="1080" height="${CARD.height - 180}" preserveAspectRatio="xMidYMid meet" `,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}">` +
    `<style>${css} .card-title{font:700 38px system-ui,sans-serif;fill:#1a1a1a}.card-foot{font:18px system-ui,sans-serif;fill:#4d4d4d}</style>` +
    `<rect width="100%" height="100%" fill="#fdfcf9"/>` +
    `<text class="card-title" x="60" y="80">${escape(furniture.title)}</text>` +
    chart +
    `<text class="card-foot" x="60" y="${CARD.height - 30}">${escape(furniture.sourceline)}. ${escape(furniture.credit)}.</text>` +
    `</svg>`
  );
}
