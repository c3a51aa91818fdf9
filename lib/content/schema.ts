// Zod schemas for the frontmatter of questions and exercise statements; their inferred types are the
// types the app uses. Pure (no file access), so tests and scripts can use them directly.
import { z } from 'zod';
import { EXERCISE_IDS, QUESTION_IDS, TRACKS } from './catalogue';

export const bilingualSchema = z.object({
  en: z.string().trim().min(1),
  zh: z.string().trim().min(1),
});
export type Bilingual = z.infer<typeof bilingualSchema>;

export const difficultySchema = z.enum(['easy', 'medium', 'hard']);
export type Difficulty = z.infer<typeof difficultySchema>;

export const questionGroupSchema = z.enum(['fundamentals', 'training', 'applications', 'comparisons']);
export type QuestionGroup = z.infer<typeof questionGroupSchema>;

export const sourceSchema = z.object({
  title: z.string().trim().min(1),
  authors: z.string().trim().min(1).optional(),
  year: z.number().int().min(1950).max(2100).optional(),
  url: z.url(),
});
export type Source = z.infer<typeof sourceSchema>;

const tagSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'tags are lowercase kebab-case');

export const questionFrontmatterSchema = z
  .object({
    id: z.enum(QUESTION_IDS),
    order: z.number().int().min(1).max(QUESTION_IDS.length),
    title: bilingualSchema,
    tags: z.array(tagSchema).min(1).max(8),
    difficulty: difficultySchema,
    group: questionGroupSchema,
    relatedExercises: z.array(z.enum(EXERCISE_IDS)).default([]),
    sources: z.array(sourceSchema).min(2, 'at least two primary sources'),
  })
  .strict()
  .refine((q) => QUESTION_IDS.indexOf(q.id) + 1 === q.order, {
    message: 'order must equal the NN of the id',
    path: ['order'],
  });
export type QuestionFrontmatter = z.infer<typeof questionFrontmatterSchema>;

export const exerciseFrontmatterSchema = z
  .object({
    id: z.enum(EXERCISE_IDS),
    title: bilingualSchema,
    track: z.enum(TRACKS),
    difficulty: difficultySchema,
    relatedQuestions: z.array(z.enum(QUESTION_IDS)).default([]),
  })
  .strict();
export type ExerciseFrontmatter = z.infer<typeof exerciseFrontmatterSchema>;
