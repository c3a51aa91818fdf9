// Reads content/ (questions and exercise statements) and validates it with the schemas in ./schema.
// The only module that touches those files; server-side only (build time for static pages).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import {
  exerciseFrontmatterSchema,
  questionFrontmatterSchema,
  type ExerciseFrontmatter,
  type QuestionFrontmatter,
} from './schema';

export const CONTENT_ROOT = path.join(process.cwd(), 'content');

export class ContentError extends Error {
  constructor(file: string, detail: string) {
    super(`${path.relative(process.cwd(), file)}: ${detail}`);
    this.name = 'ContentError';
  }
}

export interface QuestionFile {
  file: string;
  meta: QuestionFrontmatter;
  /** The Markdown after the frontmatter (both languages). */
  body: string;
}

export interface ExerciseFolder {
  dir: string;
  meta: ExerciseFrontmatter;
  /** statement.md after the frontmatter (both languages). */
  statement: string;
}

function parseFrontmatter<S extends z.ZodType>(file: string, schema: S): { data: z.infer<S>; body: string } {
  const parsed = matter(readFileSync(file, 'utf8'));
  const result = schema.safeParse(parsed.data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'}: ${i.message}`);
    throw new ContentError(file, `invalid frontmatter\n  ${issues.join('\n  ')}`);
  }
  return { data: result.data, body: parsed.content };
}

/** Every question under content/questions, in catalogue order. Throws ContentError on bad files. */
export function loadQuestions(root = CONTENT_ROOT): QuestionFile[] {
  const dir = path.join(root, 'questions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const file = path.join(dir, name);
      const { data, body } = parseFrontmatter(file, questionFrontmatterSchema);
      if (`${data.id}.md` !== name) throw new ContentError(file, `id "${data.id}" must equal the file name`);
      return { file, meta: data, body };
    })
    .sort((a, b) => a.meta.order - b.meta.order);
}

/** Every exercise folder under content/exercises that has a statement.md, in catalogue order. */
export function loadExercises(root = CONTENT_ROOT): ExerciseFolder[] {
  const dir = path.join(root, 'exercises');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'statement.md')))
    .map((e) => {
      const file = path.join(dir, e.name, 'statement.md');
      const { data, body } = parseFrontmatter(file, exerciseFrontmatterSchema);
      if (data.id !== e.name) throw new ContentError(file, `id "${data.id}" must equal the folder name`);
      return { dir: path.join(dir, e.name), meta: data, statement: body };
    })
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}
