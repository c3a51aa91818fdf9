// content:check for questions: frontmatter, both languages and all sections, KaTeX, internal links to
// catalogue ids, Keras snippets paired with TensorFlow.js. Returns problems instead of throwing, so one
// run reports everything; the snippets to execute are returned for the runner.
import { isExerciseId, isQuestionId } from './catalogue';
import { loadQuestions } from './load';
import { renderMarkdown } from './markdown';
import { SECTION_KEYS, splitQuestionBody } from './question-sections';
import { extractLinks, extractSnippets, snippetKind, type Snippet } from './snippets';

export interface ContentProblem {
  file: string;
  message: string;
}

export interface RunnableSnippet extends Snippet {
  file: string;
  kind: 'python' | 'typescript';
}

const TOP_LEVEL_PAGES = new Set(['/', '/questions', '/exercises', '/review', '/progress', '/lab']);

/** A problem with an internal link, or null when it points at a catalogue id or a known page. */
export function internalLinkProblem(url: string): string | null {
  if (!url.startsWith('/')) return null;
  const path = url.split(/[?#]/)[0];
  if (TOP_LEVEL_PAGES.has(path)) return null;
  const m = /^\/(questions|exercises)\/([^/]+)$/.exec(path);
  if (!m) return `link to ${url}: not a page of this site`;
  const ok = m[1] === 'questions' ? isQuestionId(m[2]) : isExerciseId(m[2]);
  return ok ? null : `link to ${url}: "${m[2]}" is not in the catalogue`;
}

export async function checkQuestions(root?: string): Promise<{ problems: ContentProblem[]; snippets: RunnableSnippet[]; count: number }> {
  const problems: ContentProblem[] = [];
  const snippets: RunnableSnippet[] = [];
  let questions;
  try {
    questions = loadQuestions(root);
  } catch (err) {
    return { problems: [{ file: 'content/questions', message: (err as Error).message }], snippets, count: 0 };
  }
  for (const q of questions) {
    const file = q.file;
    let sections;
    try {
      sections = splitQuestionBody(q.body);
    } catch (err) {
      for (const line of (err as Error).message.split('\n')) problems.push({ file, message: line });
      continue;
    }
    for (const lang of ['en', 'zh'] as const) {
      for (const key of SECTION_KEYS) {
        try {
          await renderMarkdown(sections[lang][key], { pageExists: () => true });
        } catch (err) {
          problems.push({ file, message: `${lang}/${key}: ${(err as Error).message}` });
        }
      }
    }
    for (const link of extractLinks(q.body)) {
      const problem = internalLinkProblem(link.url);
      if (problem) problems.push({ file, message: `body line ${link.line}: ${problem}` });
    }
    const found = extractSnippets(q.body);
    found.forEach((s, k) => {
      const kind = snippetKind(s);
      if (kind === 'keras' && snippetKind(found[k + 1] ?? { lang: '', meta: '', code: '', line: 0 }) !== 'typescript') {
        problems.push({ file, message: `body line ${s.line}: a Keras snippet must be followed by its TensorFlow.js equivalent (\`\`\`ts)` });
      }
      if (kind === 'python' || kind === 'typescript') snippets.push({ ...s, file, kind });
    });
  }
  return { problems, snippets, count: questions.length };
}
