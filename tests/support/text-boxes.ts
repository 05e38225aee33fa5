import { readFileSync } from "node:fs";
import postcss from "postcss";
import { textWidth, type Weight } from "../../src/render/fonts.ts";
import type { Mark, Scene } from "../../src/render/scene.ts";

/**
 * The boxes a scene's labels take, measured as the server measures them (the story's typeface,
 * through fontkitten) with the size, weight and letter spacing chart.css gives their classes. A
 * unit-test stand-in for the browser's text boxes (tests/e2e/label-boxes.ts measures those), so the
 * layouts' placement rules can be checked on states the story does not use.
 */
export interface TextBox {
  key: string;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface TextStyle {
  size: number;
  weight: Weight;
  spacing: number;
}

/** chart.css rules that style text by class alone (.a, .a.b), in stylesheet order. */
const rules = ((): { classes: string[]; decls: Map<string, string> }[] => {
  const found: { classes: string[]; decls: Map<string, string> }[] = [];
  postcss.parse(readFileSync("src/styles/chart.css", "utf8")).walkRules((rule) => {
    if (rule.parent?.type !== "root") return;
    const decls = new Map<string, string>();
    rule.walkDecls((d) => {
      if (/^(font-size|font-weight|letter-spacing)$/.test(d.prop)) decls.set(d.prop, d.value);
    });
    if (decls.size === 0) return;
    for (const selector of rule.selectors)
      if (/^(\.[\w-]+)+$/.test(selector)) found.push({ classes: selector.slice(1).split("."), decls });
  });
  return found;
})();

function styleOf(mark: Mark): TextStyle {
  const classes = String(mark.attrs.class ?? "").split(/\s+/);
  const style: TextStyle = { size: 14, weight: 400, spacing: 0 };
  for (const rule of rules) {
    if (!rule.classes.every((c) => classes.includes(c))) continue;
    const size = rule.decls.get("font-size");
    if (size?.endsWith("px")) style.size = parseFloat(size);
    const weight = rule.decls.get("font-weight");
    if (weight) style.weight = Number(weight) >= 600 ? 700 : 400;
    const spacing = rule.decls.get("letter-spacing");
    if (spacing?.endsWith("em")) style.spacing = parseFloat(spacing);
  }
  return style;
}

/** Every text mark of a scene that is shown, as a box from its cap height to its descenders. */
export function textBoxes(scene: Scene): TextBox[] {
  return scene.layers
    .flatMap((l) => l.marks)
    .filter((m) => m.tag === "text" && m.text && Number(m.attrs.opacity ?? 1) > 0)
    .map((m) => {
      const { size, weight, spacing } = styleOf(m);
      const width = textWidth(m.text!, size, weight, spacing);
      const x = Number(m.attrs.x);
      const y = Number(m.attrs.y);
      const anchor = m.attrs["text-anchor"] ?? "start";
      const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
      return { key: m.key, text: m.text!, left, right: left + width, top: y - 0.72 * size, bottom: y + 0.22 * size };
    });
}

/** Pairs of labels that overlap by more than a tolerance, and labels that run outside the scene. */
export function textProblems(scene: Scene, tolerance = 0.5): string[] {
  const boxes = textBoxes(scene);
  const problems: string[] = [];
  boxes.forEach((a, i) => {
    if (
      a.left < -tolerance ||
      a.right > scene.width + tolerance ||
      a.top < -tolerance ||
      a.bottom > scene.height + tolerance
    )
      problems.push(`${a.key} "${a.text}" runs outside the ${scene.width}×${scene.height} scene`);
    for (const b of boxes.slice(i + 1))
      if (
        a.left + tolerance < b.right &&
        b.left + tolerance < a.right &&
        a.top + tolerance < b.bottom &&
        b.top + tolerance < a.bottom
      )
        problems.push(`${a.key} "${a.text}" overlaps ${b.key} "${b.text}"`);
  });
  return problems;
}
