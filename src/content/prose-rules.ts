import type { Nodes } from "mdast";
import type { ContentProblem } from "./errors.ts";

/**
 * Markdown in content/ is an editor's text, not HTML. The markdown pipeline drops raw HTML without
 * a word (`<div>block text</div>` vanishes, `<script>x()</script>` prints "x()"), so raw HTML is
 * refused instead, with the markdown to write. Comments are the one exception: `<!-- … -->` is a
 * note between editors, never published. Links may go to the web, to e-mail or to this site;
 * images come only from this site, so the page loads nothing from any other origin.
 */

const SITE = "https://this-site.invalid";

/** True for an HTML node that holds only comments (and space between them). */
export function isComment(node: Nodes): boolean {
  return node.type === "html" && node.value.replace(/<!--[\s\S]*?-->/g, "").trim() === "";
}

/** Markdown for the HTML an editor most likely meant. */
function markdownFor(html: string): string {
  const tag = /^<\/?\s*([a-z0-9]+)/i.exec(html.trim())?.[1]?.toLowerCase();
  switch (tag) {
    case "b":
    case "strong":
      return "For bold text write **text**.";
    case "i":
    case "em":
      return "For italics write *text*.";
    case "a":
      return "For a link write [the words](https://example.org/page).";
    case "br":
      return "For a line break, end the line with a backslash \\.";
    case "img":
      return "For an image on this site write ![what it shows](/file.png).";
    case "p":
    case "div":
    case "span":
      return "Write the text itself without the tags; leave a blank line between paragraphs.";
    default:
      return "Write it as plain markdown text. If you meant the character <, write \\< instead.";
  }
}

type Destination = "site" | "web" | "mail" | "other";

/** Where a link or image points, judged as a browser would parse the address. */
export function destinationOf(url: string): Destination {
  let parsed: URL;
  try {
    parsed = new URL(url, `${SITE}/`);
  } catch {
    return "other";
  }
  const isPath = url.startsWith("/") || url.startsWith("#");
  if (parsed.origin === SITE) return isPath ? "site" : "other";
  if (parsed.protocol === "https:" || parsed.protocol === "http:") return "web";
  if (parsed.protocol === "mailto:") return "mail";
  return "other";
}

const LINK_FIX =
  "A link may go to a web page (https://…), an e-mail address (mailto:…) or a page of this site (a path starting with /, or # and a step id). Addresses such as javascript:, data: or vbscript: could run code in a reader's browser.";

/**
 * Checks one markdown node (not its children) against the rules above; returns false when the
 * node was refused, so the caller does not look inside it.
 */
export function checkProseNode(node: Nodes, file: string, problems: ContentProblem[]): boolean {
  const line = node.position?.start.line;
  const column = node.position?.start.column;
  const at = (problem: Omit<ContentProblem, "file" | "line" | "column">): false => {
    problems.push({ file, line, column, ...problem });
    return false;
  };
  if (node.type === "html") {
    if (/<!--(?![\s\S]*-->)/.test(node.value)) {
      return at({
        field: "comment",
        value: node.value.split("\n")[0],
        problem: "this comment is never closed, so everything after it would be hidden from readers",
        fix: "Close it with --> at the end of the note.",
      });
    }
    if (isComment(node)) return true;
    return at({
      field: "HTML",
      value: node.value.split("\n")[0],
      problem: "raw HTML is not published: the text inside it would vanish or show up garbled",
      fix: markdownFor(node.value),
    });
  }
  if (node.type === "link" || node.type === "definition") {
    if (destinationOf(node.url) !== "other") return true;
    return at({
      field: "link",
      value: node.url,
      problem: "this link's address is not a web page, an e-mail address or a page of this site",
      fix: LINK_FIX,
    });
  }
  if (node.type === "image") {
    if (destinationOf(node.url) === "site" && !node.url.startsWith("#")) return true;
    return at({
      field: "image",
      value: node.url,
      problem: "this image does not come from this site, and the page loads nothing from any other",
      fix: "Images come only from this site: ask a developer to add the file to public/, then write ![what it shows](/file.png).",
    });
  }
  if (node.type === "imageReference") {
    return at({
      field: "image",
      value: node.label ?? node.identifier,
      problem: "an image written as a reference ([…][…]) is not checked and not published",
      fix: "Write the image directly: ![what it shows](/file.png), with a file on this site.",
    });
  }
  return true;
}
