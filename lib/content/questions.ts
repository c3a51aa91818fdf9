// Questions ready to show: frontmatter, both languages' sections rendered to HTML, neighbours and links.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isExerciseId, isQuestionId } from './catalogue';
import { CONTENT_ROOT, ContentError, loadQuestions } from './load';
import { renderMarkdown } from './markdown';
import { SECTION_KEYS, splitQuestionBody, type QuestionLang, type SectionKey } from './question-sections';
import type { QuestionFrontmatter } from './schema';

export interface RenderedQuestion {
  meta: QuestionFrontmatter;
  html: Record<QuestionLang, Record<SectionKey, string>>;
  previous: { id: string; title: QuestionFrontmatter['title'] } | null;
  next: { id: string; title: QuestionFrontmatter['title'] } | null;
  /** Related exercises with whether each exists yet (else shown as "coming soon"). */
  relatedExercises: { id: string; available: boolean }[];
}

/** Whether an internal path like /questions/02-gates or /exercises/03-lstm-bptt has a page yet. */
export function internalPageExists(href: string, root = CONTENT_ROOT): boolean {
  const m = /^\/(questions|exercises)\/([^/?#]+)\/?$/.exec(href);
  if (!m) return ['/', '/questions', '/exercises', '/review', '/progress'].includes(href);
  const [, kind, id] = m;
  if (kind === 'questions') return isQuestionId(id) && existsSync(path.join(root, 'questions', `${id}.md`));
  return isExerciseId(id) && existsSync(path.join(root, 'exercises', id, 'statement.md'));
}

export async function renderQuestion(id: string, root = CONTENT_ROOT): Promise<RenderedQuestion | null> {
  const all = loadQuestions(root);
  const index = all.findIndex((q) => q.meta.id === id);
  if (index < 0) return null;
  const q = all[index];
  let sections;
  try {
    sections = splitQuestionBody(q.body);
  } catch (err) {
    throw new ContentError(q.file, (err as Error).message);
  }
  const options = { pageExists: (href: string) => internalPageExists(href, root) };
  const html = { en: {}, zh: {} } as RenderedQuestion['html'];
  for (const lang of ['en', 'zh'] as const) {
    for (const key of SECTION_KEYS) html[lang][key] = await renderMarkdown(sections[lang][key], options);
  }
  const neighbour = (j: number) => (all[j] ? { id: all[j].meta.id, title: all[j].meta.title } : null);
  return {
    meta: q.meta,
    html,
    previous: neighbour(index - 1),
    next: neighbour(index + 1),
    relatedExercises: q.meta.relatedExercises.map((e) => ({
      id: e,
      available: internalPageExists(`/exercises/${e}`, root),
    })),
  };
}
