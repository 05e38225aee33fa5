import type { Nodes, Root, RootContent } from "mdast";
import type { ContainerDirective, LeafDirective, TextDirective } from "mdast-util-directive";
import rehypeStringify from "rehype-stringify";
import remarkDirective from "remark-directive";
import remarkParse from "remark-parse";
import remarkSmartypants from "remark-smartypants";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Dataset } from "../data/load.ts";
import { bindings, bindingNames, type Claim } from "./bindings.ts";
import { validChoices } from "./did-you-mean.ts";
import type { ContentProblem } from "./errors.ts";
import { checkProseNode } from "./prose-rules.ts";

export type Directive = ContainerDirective | LeafDirective | TextDirective;

/** A number bound in the text, where it stands, and what it claims. */
export interface BoundNumber {
  claim: Claim;
  line: number | undefined;
  column: number | undefined;
}

const parser = unified().use(remarkParse).use(remarkDirective);
// Curly quotes, en dashes and ellipses, as a copy desk would set them.
const toHtml = unified().use(remarkSmartypants).use(remarkRehype).use(rehypeStringify);

export function parseMarkdown(body: string): Root {
  return parser.parse(body);
}

export function isDirective(node: Nodes): node is Directive {
  return node.type === "containerDirective" || node.type === "leafDirective" || node.type === "textDirective";
}

/** Plain text of a node, for labels and text alternatives. */
export function plainText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

/**
 * Checks prose against the rules editors are promised (no raw HTML, safe links, images from this
 * site: see prose-rules.ts), replaces every number directive (`:held[2025-09-18]`) with the
 * formatted value from its data row, and reports directives that are not numbers. Returns the
 * numbers it bound, with what each claims. `allowed` lists the block directives this place may hold.
 */
export function checkAndBindProse(
  nodes: Nodes[],
  data: Dataset,
  file: string,
  problems: ContentProblem[],
  allowed: readonly string[] = [],
): BoundNumber[] {
  const bound: BoundNumber[] = [];
  const visit = (node: Nodes): void => {
    if (!checkProseNode(node, file, problems)) return;
    if (isDirective(node)) {
      const line = node.position?.start.line;
      const column = node.position?.start.column;
      if (node.type === "textDirective") {
        const binding = bindings.find((b) => b.name === node.name);
        if (!binding) {
          problems.push({
            file,
            line,
            column,
            field: `:${node.name}`,
            value: `:${node.name}`,
            problem: `":${node.name}" is not a number this story knows`,
            fix: `Numbers in prose are written like ${bindings[0]!.example}. ${validChoices(node.name, bindingNames)} If you meant a plain colon, put a space after it or write \\:`,
          });
          return;
        }
        const key = plainText(node).trim();
        // An unclosed `:held[2025-09-18` is read as `:held` with nothing in brackets.
        const result = key
          ? binding.resolve(key, data)
          : {
              problem: "this number has nothing in brackets, or the ] that closes them is missing",
              fix: `Write it like ${binding.example}, with what it counts between [ and ].`,
            };
        if ("problem" in result) {
          problems.push({
            file,
            line,
            column,
            field: `:${node.name}`,
            value: key,
            problem: result.problem,
            fix: result.fix,
          });
          return;
        }
        bound.push({ claim: result.claim, line, column });
        const formatted = result.value.toLocaleString("en-GB");
        node.children = [{ type: "text", value: formatted }];
        node.data = {
          hName: "data",
          hProperties: {
            value: String(result.value),
            className: ["num"],
            title: result.note ?? `Source: ${result.row.source_name}, ${result.row.published || "undated"}`,
          },
        };
        return;
      }
      if (!allowed.includes(node.name)) {
        const kind = node.type === "containerDirective" ? ":::" : "::";
        problems.push({
          file,
          line,
          column,
          field: `${kind}${node.name}`,
          value: node.name,
          problem: `"${kind}${node.name}" is not allowed here`,
          fix: allowed.length
            ? validChoices(node.name, allowed)
            : "Steps (:::step) go at the top level of a section; ::alt goes inside a step.",
        });
        return;
      }
    }
    if ("children" in node) (node.children as Nodes[]).forEach(visit);
  };
  nodes.forEach(visit);
  return bound;
}

export function markdownToHtml(nodes: RootContent[]): string {
  const root: Root = { type: "root", children: nodes };
  return toHtml.stringify(toHtml.runSync(root));
}
