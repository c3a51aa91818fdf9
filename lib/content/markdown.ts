// Renders our Markdown to HTML on the server: GFM, KaTeX math, Shiki highlighting (light and dark),
// and internal links checked against the catalogue. No math or highlighting code reaches the browser.
import rehypeShiki, { type RehypeShikiOptions } from '@shikijs/rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
  value?: string;
}

export interface RenderOptions {
  /** Whether an internal page exists yet; links to catalogue ids that don't are shown as "coming soon". */
  pageExists(href: string): boolean;
}

/** Internal links to pages that don't exist yet become text marked "coming soon"; external links open safely. */
function rehypeInternalLinks(options: RenderOptions) {
  return (tree: HastNode) => {
    const walk = (node: HastNode) => {
      node.children = node.children?.map((child) => {
        if (child.type === 'element' && child.tagName === 'a') {
          const href = String(child.properties?.href ?? '');
          if (href.startsWith('/') && !options.pageExists(href.split('#')[0])) {
            return {
              type: 'element',
              tagName: 'span',
              properties: { className: ['coming-soon'], title: 'Coming soon · 即将推出' },
              children: child.children,
            };
          }
          if (/^https?:\/\//.test(href)) child.properties = { ...child.properties, rel: 'noopener noreferrer' };
        }
        walk(child);
        return child;
      });
    };
    walk(tree);
  };
}

const shikiOptions: RehypeShikiOptions = {
  themes: { light: 'github-light', dark: 'github-dark' },
  defaultColor: 'light',
  langs: ['python', 'typescript', 'bash', 'json'],
  langAlias: { ts: 'typescript' },
  fallbackLanguage: 'plaintext',
};

function processor(options: RenderOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkRehype)
    // KaTeX output includes MathML for screen readers; errors become file messages (checked below).
    .use(rehypeKatex, { strict: 'error' })
    .use(rehypeShiki, shikiOptions)
    .use(rehypeInternalLinks, options)
    .use(rehypeStringify);
}

/** Markdown → HTML. Throws on invalid math (KaTeX) so bad content fails the build and content:check. */
export async function renderMarkdown(markdown: string, options: RenderOptions): Promise<string> {
  const file = await processor(options).process(markdown);
  const errors = file.messages.filter((m) => m.fatal !== null || m.source === 'rehype-katex');
  if (errors.length) throw new Error(errors.map((m) => `${m.place ? `${JSON.stringify(m.place)} ` : ''}${m.reason}`).join('\n'));
  return String(file);
}
