// Server-side reads the workspace needs beyond the rendered statement: hints one by one, the solution, the types.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { splitLanguageHalves } from './exercises';
import { loadExercises } from './load';
import { renderMarkdown } from './markdown';
import { internalPageExists } from './questions';

/** One hint rendered to HTML in both languages. */
export interface HintHtml {
  en: string;
  zh: string;
}

/** Files of one exercise folder for the browser workspace. */
export interface WorkspaceFiles {
  hints: HintHtml[];
  solution: string | null;
  typesSource: string | null;
}

function readIfExists(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** `1. …` `2. …` top-level items of a numbered list; a text that is not one list is a single hint. */
export function splitHintItems(markdown: string): string[] {
  const items = markdown.split(/^(?=\d+\.\s)/m).map((s) => s.replace(/^\d+\.\s+/, '').trim()).filter(Boolean);
  return items.length > 0 ? items : [markdown.trim()];
}

/** Reads hints.md (each item rendered to HTML in both languages), solution.ts and types.ts. */
export async function readWorkspaceFiles(id: string): Promise<WorkspaceFiles> {
  const exercise = loadExercises().find((e) => e.meta.id === id);
  if (!exercise) return { hints: [], solution: null, typesSource: null };
  const options = { pageExists: (href: string) => internalPageExists(href) };
  const hintsMd = readIfExists(path.join(exercise.dir, 'hints.md'));
  const halves = hintsMd ? splitLanguageHalves(hintsMd) : null;
  const hints: HintHtml[] = [];
  if (halves) {
    const en = splitHintItems(halves.en);
    const zh = splitHintItems(halves.zh);
    for (let i = 0; i < Math.max(en.length, zh.length); i++) {
      hints.push({ en: await renderMarkdown(en[i] ?? zh[i], options), zh: await renderMarkdown(zh[i] ?? en[i], options) });
    }
  }
  return {
    hints,
    solution: readIfExists(path.join(exercise.dir, 'solution.ts')),
    typesSource: readIfExists(path.join(exercise.dir, 'types.ts')),
  };
}
