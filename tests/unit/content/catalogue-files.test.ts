// Every question and exercise file under content/ passes its schema, and questions have both languages.
import { describe, expect, it } from 'vitest';
import { QUESTION_IDS } from '@/lib/content/catalogue';
import { loadExercises, loadQuestions } from '@/lib/content/load';
import { splitQuestionBody } from '@/lib/content/question-sections';
import { questionFrontmatterSchema } from '@/lib/content/schema';

describe('content/ files', () => {
  const questions = loadQuestions();

  it('has only catalogue questions, each with valid frontmatter and both languages', () => {
    for (const q of questions) {
      expect(QUESTION_IDS).toContain(q.meta.id);
      expect(() => splitQuestionBody(q.body), q.file).not.toThrow();
    }
  });

  it('loads exercises without error', () => {
    expect(() => loadExercises()).not.toThrow();
  });

  it('the schema rejects ids outside the catalogue and a wrong order', () => {
    const base = {
      id: '02-gates',
      order: 2,
      title: { en: 'a', zh: 'b' },
      tags: ['gates'],
      difficulty: 'easy',
      group: 'fundamentals',
      relatedExercises: ['01-lstm-cell-step'],
      sources: [
        { title: 'x', url: 'https://example.org/a' },
        { title: 'y', url: 'https://example.org/b' },
      ],
    };
    expect(questionFrontmatterSchema.safeParse(base).success).toBe(true);
    expect(questionFrontmatterSchema.safeParse({ ...base, order: 3 }).success).toBe(false);
    expect(questionFrontmatterSchema.safeParse({ ...base, id: '21-extra' }).success).toBe(false);
    expect(questionFrontmatterSchema.safeParse({ ...base, relatedExercises: ['99-nope'] }).success).toBe(false);
    expect(questionFrontmatterSchema.safeParse({ ...base, sources: base.sources.slice(1) }).success).toBe(false);
  });
});
