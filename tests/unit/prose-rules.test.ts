import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import type { ContentProblem } from "../../src/content/errors.ts";
import { parseMarkdown } from "../../src/content/markdown.ts";
import { checkProseNode, destinationOf } from "../../src/content/prose-rules.ts";

/** What the rules say about every node of a markdown text, children after their parent unless it was refused. */
function check(markdown: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const visit = (node: Nodes): void => {
    if (checkProseNode(node, "content/story/x.md", problems) && "children" in node)
      (node.children as Nodes[]).forEach(visit);
  };
  visit(parseMarkdown(markdown));
  return problems;
}

describe("raw HTML in an editor's markdown", () => {
  it("is refused with the markdown the editor most likely meant", () => {
    const fix = (html: string): string => check(html)[0]!.fix;
    expect(fix("Some <b>bold</b> text")).toBe("For bold text write **text**.");
    expect(fix("Some <strong>bold</strong> text")).toBe("For bold text write **text**.");
    expect(fix("Some <i>italic</i> text")).toBe("For italics write *text*.");
    expect(fix("Some <EM>italic</EM> text")).toBe("For italics write *text*.");
    expect(fix('A <a href="https://x.org">link</a>')).toBe("For a link write [the words](https://example.org/page).");
    expect(fix("One<br>two")).toBe("For a line break, end the line with a backslash \\.");
    expect(fix('<img src="/a.png">')).toBe("For an image on this site write ![what it shows](/file.png).");
    for (const tag of ["p", "div", "span"])
      expect(fix(`<${tag}>text</${tag}>`)).toBe(
        "Write the text itself without the tags; leave a blank line between paragraphs.",
      );
    expect(fix("<script>x()</script>")).toBe(
      "Write it as plain markdown text. If you meant the character <, write \\< instead.",
    );
  });

  it("reads the tag an indented block starts with, and gives the plain advice for a declaration", () => {
    const fix = (html: string): string => check(html)[0]!.fix;
    expect(fix("   <div>\nblock\n</div>")).toBe(
      "Write the text itself without the tags; leave a blank line between paragraphs.",
    );
    // The advice answers the first tag: a declaration or an instruction has none.
    for (const html of ["<!DOCTYPE html>", "<?php echo 1; ?> <b>x</b>"])
      expect(fix(html)).toBe("Write it as plain markdown text. If you meant the character <, write \\< instead.");
  });

  it("names where it is and quotes its first line", () => {
    expect(check("Intro.\n\n<div>\nblock\n</div>")).toEqual([
      {
        file: "content/story/x.md",
        line: 3,
        column: 1,
        field: "HTML",
        value: "<div>",
        problem: "raw HTML is not published: the text inside it would vanish or show up garbled",
        fix: "Write the text itself without the tags; leave a blank line between paragraphs.",
      },
    ]);
  });

  it("lets comments through as notes between editors, but not one left open", () => {
    expect(check("Text <!-- a note --> more.\n\n<!-- one -->\n<!-- two -->")).toEqual([]);
    expect(check("<!-- one --> <!-- two -->  ")).toEqual([]);
    const [open] = check("Text.\n\n<!-- a note that runs on\nand on");
    expect(open).toMatchObject({
      line: 3,
      field: "comment",
      value: "<!-- a note that runs on",
      problem: "this comment is never closed, so everything after it would be hidden from readers",
      fix: "Close it with --> at the end of the note.",
    });
  });
});

describe("links and images", () => {
  it("sorts addresses as a browser would parse them", () => {
    expect(destinationOf("/method")).toBe("site");
    expect(destinationOf("#fx-peak")).toBe("site");
    expect(destinationOf("https://spring96.org/en")).toBe("web");
    expect(destinationOf("http://spring96.org/en")).toBe("web");
    expect(destinationOf("//spring96.org/en")).toBe("web");
    expect(destinationOf("mailto:desk@example.org")).toBe("mail");
    expect(destinationOf("javascript:alert(1)")).toBe("other");
    expect(destinationOf(" JavaScript:alert(1)")).toBe("other");
    expect(destinationOf("data:text/html,x")).toBe("other");
    // A relative path is this site's only if it starts from the root: "page" depends on where it is read.
    expect(destinationOf("page.html")).toBe("other");
    expect(destinationOf("http://[::1")).toBe("other");
  });

  it("refuses a link that could run code, and a link definition likewise", () => {
    expect(check("[x](javascript:alert(1)) and [y](https://spring96.org)")).toEqual([
      expect.objectContaining({ field: "link", value: "javascript:alert(1)", column: 1 }),
    ]);
    expect(check("[x][ref]\n\n[ref]: vbscript:msgbox")).toEqual([
      expect.objectContaining({
        field: "link",
        value: "vbscript:msgbox",
        problem: "this link's address is not a web page, an e-mail address or a page of this site",
      }),
    ]);
  });

  it("takes images only from this site, written directly", () => {
    expect(check("![a map](/map.png)")).toEqual([]);
    expect(check("![tracker](https://example.org/pixel.gif)")).toEqual([
      expect.objectContaining({ field: "image", value: "https://example.org/pixel.gif" }),
    ]);
    expect(check("![anchor](#step)")).toEqual([expect.objectContaining({ field: "image", value: "#step" })]);
    expect(check("![a map][Map One]\n\n[map one]: /map.png")).toEqual([
      expect.objectContaining({
        field: "image",
        // As the editor wrote it, not as markdown matches it to its definition.
        value: "Map One",
        problem: "an image written as a reference ([…][…]) is not checked and not published",
        fix: "Write the image directly: ![what it shows](/file.png), with a file on this site.",
      }),
    ]);
  });

  it("looks inside a link it accepts, and not inside one it refuses (one problem, said once)", () => {
    expect(check("[![logo](https://example.org/a.png)](https://spring96.org)")).toEqual([
      expect.objectContaining({ field: "image", value: "https://example.org/a.png" }),
    ]);
    expect(check("[![logo](https://example.org/a.png)](javascript:x)")).toEqual([
      expect.objectContaining({ field: "link", value: "javascript:x" }),
    ]);
  });
});
