// A compact text index of the questions for the search box: titles, tags and the prose of both languages
// (code and math left out). Served as a static JSON file and fetched only when the learner searches.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { loadQuestions } from './load';
import { splitQuestionBody } from './question-sections';

export interface SearchEntry {
  id: string;
  /** Lowercased searchable text per language. */
  en: string;
  zh: string;
}

const SKIP = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'html']);

/** The prose of a Markdown text as one line, without code, math or markup. */
export function plainText(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(markdown) as Root;
  const parts: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (SKIP.has(node.type)) return;
    if (node.type === 'text' && node.value) parts.push(node.value);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
  };
  walk(tree);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export function buildSearchIndex(root?: string): SearchEntry[] {
  return loadQuestions(root).map((q) => {
    const s = splitQuestionBody(q.body);
    const text = (lang: 'en' | 'zh') =>
      [q.meta.title[lang], q.meta.tags.join(' '), ...Object.values(s[lang]).map(plainText)].join(' ').toLowerCase();
    return { id: q.meta.id, en: text('en'), zh: text('zh') };
  });
}
