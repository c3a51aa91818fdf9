// Exercises ready to show: the statement and hints of both languages rendered to HTML, the starter code.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_ROOT, ContentError, loadExercises } from './load';
import { renderMarkdown } from './markdown';
import { internalPageExists } from './questions';
import type { ExerciseFrontmatter } from './schema';

export type Lang = 'en' | 'zh';

/** `# English` … `# 中文` … → the Markdown of each half (headings inside code fences are ignored). */
export function splitLanguageHalves(markdown: string): Record<Lang, string> | null {
  const lines = markdown.split('\n');
  let fence = false;
  let en = -1;
  let zh = -1;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) return;
    if (line.trim() === '# English') en = i;
    if (line.trim() === '# 中文') zh = i;
  });
  if (en < 0 || zh < en) return null;
  return { en: lines.slice(en + 1, zh).join('\n').trim(), zh: lines.slice(zh + 1).join('\n').trim() };
}

export interface RenderedExercise {
  meta: ExerciseFrontmatter;
  statementHtml: Record<Lang, string>;
  hintsHtml: Record<Lang, string> | null;
  starter: string;
}

export async function renderExercise(id: string, root = CONTENT_ROOT): Promise<RenderedExercise | null> {
  const exercise = loadExercises(root).find((e) => e.meta.id === id);
  if (!exercise) return null;
  const file = path.join(exercise.dir, 'statement.md');
  const statement = splitLanguageHalves(exercise.statement);
  if (!statement) throw new ContentError(file, 'the statement needs "# English" then "# 中文"');
  const options = { pageExists: (href: string) => internalPageExists(href, root) };
  const hintsFile = path.join(exercise.dir, 'hints.md');
  const hints = existsSync(hintsFile) ? splitLanguageHalves(readFileSync(hintsFile, 'utf8')) : null;
  return {
    meta: exercise.meta,
    statementHtml: { en: await renderMarkdown(statement.en, options), zh: await renderMarkdown(statement.zh, options) },
    hintsHtml: hints ? { en: await renderMarkdown(hints.en, options), zh: await renderMarkdown(hints.zh, options) } : null,
    starter: readFileSync(path.join(exercise.dir, 'starter.ts'), 'utf8'),
  };
}
