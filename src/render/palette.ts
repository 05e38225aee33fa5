import postcss, { type Root } from "postcss";

/*
 * The chart palette lives in one place, chart.css, as CSS custom properties (light on :root, dark in
 * a prefers-color-scheme block). Files that leave the page (share cards, downloadable SVGs) cannot
 * rely on custom properties or on the reader's theme: librsvg does not resolve var(), and a
 * producer exporting from a dark desktop must still get the light chart. This module reads the
 * palette and writes a stylesheet with every colour resolved.
 */

export type Theme = "light" | "dark";

const DARK_QUERY = /prefers-color-scheme:\s*dark/;

/** Custom properties of one theme: the :root rules outside any media query, then (dark) those inside the dark query. */
export function customProperties(css: string, theme: Theme): Map<string, string> {
  const root = postcss.parse(css);
  const props = new Map<string, string>();
  const collect = (container: Root | postcss.AtRule): void => {
    container.each((node) => {
      if (node.type === "rule" && node.selectors.includes(":root"))
        node.walkDecls(/^--/, (decl) => {
          props.set(decl.prop, decl.value.trim());
        });
    });
  };
  collect(root);
  if (theme === "dark")
    root.walkAtRules("media", (rule) => {
      if (DARK_QUERY.test(rule.params)) collect(rule);
    });
  return props;
}

/** Replaces every var(--name[, fallback]) in a value with the property's value, recursively. */
export function resolveVars(value: string, props: Map<string, string>, depth = 0): string {
  if (depth > 8) throw new Error(`custom properties refer to each other in a loop: ${value}`);
  const resolved = value.replace(
    /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g,
    (_, name: string, fallback?: string) => {
      const found = props.get(name) ?? fallback;
      if (found === undefined) throw new Error(`chart.css uses ${name}, which it does not define`);
      return found.trim();
    },
  );
  return resolved.includes("var(") ? resolveVars(resolved, props, depth + 1) : resolved;
}

/**
 * The chart stylesheet with the light palette written into every rule: no custom properties, no
 * dark-mode block, no container or media queries (a standalone file has one size and one theme).
 */
export function resolvedStylesheet(css: string, theme: Theme = "light"): string {
  const props = customProperties(css, theme);
  const root = postcss.parse(css);
  root.walkAtRules((rule) => {
    rule.remove();
  });
  root.walkRules((rule) => {
    if (rule.selectors.includes(":root"))
      rule.walkDecls(/^--/, (decl) => {
        decl.remove();
      });
    if (rule.nodes.length === 0) rule.remove();
  });
  root.walkDecls((decl) => {
    if (decl.value.includes("var(")) decl.value = resolveVars(decl.value, props);
  });
  root.walkComments((comment) => {
    comment.remove();
  });
  return root.toString().replace(/\s*\n\s*/g, "");
}

/** The colour a legend swatch shows (its background, or the colour of its border line), resolved. */
export function swatchColour(css: string, swatch: string, theme: Theme = "light"): string | undefined {
  const props = customProperties(css, theme);
  let colour: string | undefined;
  postcss.parse(css).walkRules((rule) => {
    if (!rule.selectors.includes(`.swatch--${swatch}`)) return;
    rule.walkDecls(/^(background|border-top)$/, (decl) => {
      const value = resolveVars(decl.value, props);
      colour = /#[0-9a-f]{3,8}\b/i.exec(value)?.[0] ?? value;
    });
  });
  return colour;
}
