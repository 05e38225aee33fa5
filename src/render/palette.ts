import { color } from "d3-color";
import postcss from "postcss";

/*
 * The chart palette lives in one place, chart.css, as CSS custom properties on :root whose values
 * are light-dark(light, dark). Files that leave the page (share cards, downloadable SVGs) cannot
 * rely on custom properties or on the reader's theme: librsvg does not resolve var(), and a
 * producer exporting from a dark desktop must still get the light chart. This module reads the
 * palette and writes a stylesheet with every colour resolved.
 */

export type Theme = "light" | "dark";

/** Splits "a, b" at its top-level comma (colours such as rgb(…) keep theirs). */
function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of value) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

/** Picks one theme's side of every light-dark(light, dark) in a value. */
export function pickTheme(value: string, theme: Theme): string {
  const start = value.indexOf("light-dark(");
  if (start < 0) return value;
  let depth = 0;
  let end = start + "light-dark(".length;
  for (; end < value.length; end++) {
    if (value[end] === "(") depth++;
    if (value[end] === ")") {
      if (depth === 0) break;
      depth--;
    }
  }
  const [light, dark] = splitTopLevel(value.slice(start + "light-dark(".length, end));
  // A side the value lacks gives nothing (a browser drops such a declaration).
  const side = (theme === "light" ? light : dark) ?? "";
  return pickTheme(value.slice(0, start) + side + value.slice(end + 1), theme);
}

/** The custom properties on :root, for one theme. */
export function customProperties(css: string, theme: Theme): Map<string, string> {
  const props = new Map<string, string>();
  postcss.parse(css).each((node) => {
    if (node.type === "rule" && node.selectors.includes(":root"))
      node.walkDecls(/^--/, (decl) => {
        props.set(decl.prop, pickTheme(decl.value.trim(), theme));
      });
  });
  return props;
}

/** Replaces every var(--name[, fallback]) in a value with the property's value, recursively. */
export function resolveVars(value: string, props: Map<string, string>, depth = 0): string {
  if (depth > 8) throw new Error(`custom properties refer to each other in a loop: ${value}`);
  const resolved = value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_, name: string, fallback?: string) => {
    const found = props.get(name) ?? fallback;
    if (found === undefined) throw new Error(`chart.css uses ${name}, which it does not define`);
    return found.trim();
  });
  return resolved.includes("var(") ? resolveVars(resolved, props, depth + 1) : resolved;
}

/**
 * The chart stylesheet with one theme's palette (light by default) written into every rule: no
 * custom properties and no container or media queries (a standalone file has one size and one theme).
 */
export function resolvedStylesheet(css: string, theme: Theme = "light"): string {
  const props = customProperties(css, theme);
  const root = postcss.parse(css);
  root.walkAtRules((rule) => {
    rule.remove();
  });
  root.walkComments((comment) => {
    comment.remove();
  });
  root.walkRules((rule) => {
    if (rule.selectors.includes(":root")) rule.remove();
  });
  root.walkDecls((decl) => {
    decl.value = pickTheme(resolveVars(decl.value, props), theme);
  });
  return root.toString().replace(/\s*\n\s*/g, "");
}

/**
 * The colour in a declaration's value ("3px solid #c33" gives "#c33", "inset 0 0 0 1px red" gives
 * "red"): its first word or function that d3-color reads as a colour; undefined when none is.
 */
const firstColour = (value: string): string | undefined =>
  value.match(/[a-z-]+\([^()]*\)|#[0-9a-f]{3,8}\b|[a-z]+/gi)?.find((token) => color(token) !== null);

/**
 * What a legend swatch shows, resolved: its fill (background, or the colour of its border line) and
 * the colour of its outline (an inset box-shadow), either or both.
 */
export function swatchColours(
  css: string,
  swatch: string,
  theme: Theme = "light",
): { fill: string | undefined; outline: string | undefined } {
  const props = customProperties(css, theme);
  const found: { fill: string | undefined; outline: string | undefined } = { fill: undefined, outline: undefined };
  postcss.parse(css).walkRules((rule) => {
    if (!rule.selectors.includes(`.swatch--${swatch}`)) return;
    rule.walkDecls(/^(background|border-top|box-shadow)$/, (decl) => {
      const value = resolveVars(decl.value, props);
      const colour = firstColour(value);
      if (decl.prop === "box-shadow") found.outline = colour;
      else found.fill = colour;
    });
  });
  return found;
}
