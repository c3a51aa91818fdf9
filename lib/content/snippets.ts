// Finds the code blocks of a Markdown text and the internal links, with line numbers, for content:check.
import type { Code, Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface Snippet {
  /** `python`, `ts`, … */
  lang: string;
  /** The rest of the info string, e.g. `keras` in ```` ```python keras ````. */
  meta: string;
  code: string;
  line: number;
}

/** How a snippet is checked: executed with Python (full tier), executed with tsx, or only shown. */
export function snippetKind(s: Snippet): 'python' | 'typescript' | 'keras' | 'shown' {
  if (s.lang === 'python' && /\bkeras\b/.test(s.meta)) return 'keras';
  if (s.lang === 'python') return 'python';
  if (s.lang === 'ts' || s.lang === 'typescript') return 'typescript';
  return 'shown';
}

function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(markdown) as Root;
}

function walk(node: { type: string; children?: unknown[] }, visit: (n: { type: string }) => void) {
  visit(node);
  for (const child of (node.children ?? []) as { type: string; children?: unknown[] }[]) walk(child, visit);
}

export function extractSnippets(markdown: string): Snippet[] {
  const out: Snippet[] = [];
  walk(parse(markdown), (n) => {
    if (n.type !== 'code') return;
    const c = n as Code;
    out.push({ lang: c.lang ?? '', meta: c.meta ?? '', code: c.value, line: c.position?.start.line ?? 0 });
  });
  return out;
}

export function extractLinks(markdown: string): { url: string; line: number }[] {
  const out: { url: string; line: number }[] = [];
  walk(parse(markdown), (n) => {
    if (n.type === 'link') out.push({ url: (n as Link).url, line: (n as Link).position?.start.line ?? 0 });
  });
  return out;
}
