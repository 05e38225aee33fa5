import type { Page } from "playwright-core";

/**
 * Classes of marks a label may sit on: grounds and guides, not data. Everything else drawn in a
 * chart (bars, dots, lines, routes, arrows) is a mark a label must keep off, unless the label
 * names it in its data-for attribute (space-separated mark keys), or the mark's key ends with the
 * label's subject (label-lithuania describes route-lithuania and arrow-lithuania).
 */
export const GROUND_CLASSES = [
  "water",
  "country",
  "route-casing",
  "locator-water",
  "locator-land",
  "locator-extent",
  "door-inside",
  "focus-band",
  "grid",
  "baseline",
  "lane",
  "hl-rule",
];

export interface LabelProblem {
  kind: "overlaps label" | "overlaps mark" | "clipped" | "smaller than 12 px";
  label: string;
  other: string;
}

/**
 * Measures the rendered text boxes in every visible chart SVG on the page and returns each label
 * that overlaps another label, covers a mark it does not describe, runs outside its SVG, or is
 * drawn smaller than 12 CSS px.
 * Runs in the browser: boxes come from the layout engine, shapes from isPointInFill/Stroke.
 */
export function labelProblems(page: Page, root = "svg[data-size], svg.chart-svg"): Promise<LabelProblem[]> {
  return page.evaluate(
    ([selector, ground]) => {
      const problems: {
        kind: "overlaps label" | "overlaps mark" | "clipped" | "smaller than 12 px";
        label: string;
        other: string;
      }[] = [];
      const visible = (el: Element): boolean => {
        const style = getComputedStyle(el);
        if (style.display === "none" || style.visibility === "hidden") return false;
        for (let n: Element | null = el; n && n.tagName.toLowerCase() !== "svg"; n = n.parentElement)
          if (Number(getComputedStyle(n).opacity) < 0.05) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      };
      const name = (el: Element): string =>
        `${el.getAttribute("data-key") ?? el.tagName}${el.textContent ? ` "${el.textContent}"` : ""}`;
      const overlap = (a: DOMRect, b: DOMRect, tolerance: number): boolean =>
        a.left + tolerance < b.right &&
        b.left + tolerance < a.right &&
        a.top + tolerance < b.bottom &&
        b.top + tolerance < a.bottom;

      for (const svg of document.querySelectorAll<SVGSVGElement>(selector)) {
        if (!visible(svg)) continue;
        const frame = svg.getBoundingClientRect();
        // The glyphs' own box: the em box of getBoundingClientRect is taller than the ink, so trim it.
        const textBox = (t: SVGTextElement): DOMRect => {
          const r = t.getBoundingClientRect();
          const size =
            parseFloat(getComputedStyle(t).fontSize) * (frame.width / (svg.viewBox.baseVal.width || frame.width));
          const trim = Math.max(0, (r.height - size) / 2);
          return new DOMRect(r.left, r.top + trim, r.width, r.height - 2 * trim);
        };
        const texts = [...svg.querySelectorAll<SVGTextElement>("text")].filter(visible);
        const marks = [...svg.querySelectorAll<SVGGeometryElement>("path, rect, circle, line, polygon")].filter(
          (m) => visible(m) && !ground.some((c) => m.classList.contains(c)),
        );
        const boxes = texts.map(textBox);
        const scale = frame.width / (svg.viewBox.baseVal.width || frame.width);
        texts.forEach((text, i) => {
          const box = boxes[i]!;
          const px = parseFloat(getComputedStyle(text).fontSize) * scale;
          if (px < 11.95)
            problems.push({ kind: "smaller than 12 px", label: name(text), other: `${px.toFixed(1)} px` });
          if (
            box.left < frame.left - 0.5 ||
            box.right > frame.right + 0.5 ||
            box.top < frame.top - 0.5 ||
            box.bottom > frame.bottom + 0.5
          )
            problems.push({ kind: "clipped", label: name(text), other: "the chart's edge" });
          for (let j = i + 1; j < texts.length; j++)
            if (overlap(box, boxes[j]!, 1))
              problems.push({ kind: "overlaps label", label: name(text), other: name(texts[j]!) });
          const key = text.getAttribute("data-key") ?? "";
          const subject = key.includes("-") ? key.slice(key.indexOf("-") + 1) : "";
          const describes = (text.getAttribute("data-for") ?? "").split(/\s+/).filter(Boolean);
          for (const mark of marks) {
            const markKey = mark.getAttribute("data-key") ?? "";
            if (describes.includes(markKey) || (subject && markKey.endsWith(`-${subject}`))) continue;
            if (!overlap(box, mark.getBoundingClientRect(), 1)) continue;
            const style = getComputedStyle(mark);
            const toUser = mark.getScreenCTM()!.inverse();
            let hit = false;
            for (let x = box.left + 1; x < box.right - 1 && !hit; x += 2)
              for (let y = box.top + 1; y < box.bottom - 1 && !hit; y += 2) {
                const p = new DOMPoint(x, y).matrixTransform(toUser);
                hit =
                  (style.fill !== "none" && mark.isPointInFill(p)) ||
                  (style.stroke !== "none" && mark.isPointInStroke(p));
              }
            if (hit) problems.push({ kind: "overlaps mark", label: name(text), other: name(mark) });
          }
        });
      }
      return problems;
    },
    [root, GROUND_CLASSES] as const,
  );
}
