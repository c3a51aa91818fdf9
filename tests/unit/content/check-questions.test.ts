// content:check's question rules, on the real content and on deliberately broken copies.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkQuestions, internalLinkProblem } from '@/lib/content/check-questions';

const scratch = mkdtempSync(path.join(tmpdir(), 'lstm-prep-content-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('checkQuestions', () => {
  it('finds no problem in content/questions and collects their runnable snippets', async () => {
    const { problems, snippets, count } = await checkQuestions();
    expect(problems).toEqual([]);
    expect(count).toBe(20);
    expect(snippets.some((s) => s.kind === 'python')).toBe(true);
    expect(snippets.some((s) => s.kind === 'typescript')).toBe(true);
  }, 120_000);

  it('reports broken math, a link outside the catalogue and an unpaired Keras snippet', async () => {
    const root = path.join(scratch, 'content');
    cpSync(path.join('content', 'questions', '02-gates.md'), path.join(root, 'questions', '02-gates.md'), { recursive: true });
    const file = path.join(root, 'questions', '02-gates.md');
    const text = readFileSync(file, 'utf8').replace(
      '## Deep dive\n',
      '## Deep dive\n\nBroken $\\frac{1}{$ math, a [bad link](/exercises/99-nope).\n\n```python keras\nmodel = None\n```\n\nNo tfjs twin.\n',
    );
    writeFileSync(file, text);
    const { problems } = await checkQuestions(root);
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/en\/deepDive: .*KaTeX|en\/deepDive: .*parse/i);
    expect(messages).toContain('"99-nope" is not in the catalogue');
    expect(messages).toContain('a Keras snippet must be followed by its TensorFlow.js equivalent');
  }, 120_000);
});

describe('internalLinkProblem', () => {
  it('accepts catalogue ids (even before their page exists) and site pages; rejects the rest', () => {
    expect(internalLinkProblem('/exercises/16-action-recognition')).toBeNull();
    expect(internalLinkProblem('/questions/07-lstm-vs-gru#deep-dive')).toBeNull();
    expect(internalLinkProblem('/review')).toBeNull();
    expect(internalLinkProblem('https://arxiv.org/abs/1503.04069')).toBeNull();
    expect(internalLinkProblem('/questions/21-extra')).toMatch(/not in the catalogue/);
    expect(internalLinkProblem('/blog/post')).toMatch(/not a page/);
  });
});
