// The exercise workspace as a learner uses it on 01-lstm-cell-step: Run the starter, paste and Submit the
// solution, a syntax error marked on its line, an endless loop stopped by the budget, the draft after a reload.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSessionPerTest, screenshot } from './support/browser';
import { editorText, grade, openExercise as openWorkspace, pasteCode, waitForWarmGrader } from './support/workspace';

const openExercise = (page: Page) => openWorkspace(page, EXERCISE);

const EXERCISE = '01-lstm-cell-step';
const exerciseDir = path.resolve('content/exercises', EXERCISE);
const solution = readFileSync(path.join(exerciseDir, 'solution.ts'), 'utf8');
/** The exercise's wall-clock budget, as its spec.ts declares it. */
const budgetMs = Number(/timeBudgetMs:\s*([\d_]+)/.exec(readFileSync(path.join(exerciseDir, 'spec.ts'), 'utf8'))![1].replaceAll('_', ''));

const session = browserSessionPerTest();

describe('exercise workspace', () => {
  it('runs the starter to a failing verdict with a message, then passes Submit with the pasted solution', async () => {
    const { page } = session.current();
    const editableMs = await openExercise(page);
    console.log(`[workspace] editor editable ${editableMs} ms after navigation`);
    await waitForWarmGrader(page);
    const run = await grade(page, 'Run');
    expect(run.verdict).toBe('error');
    expect(run.message).toMatch(/implement lstmCellStep/);
    await expect(page.locator('.result-test').count()).resolves.toBe(2); // Run = the two visible cases

    await pasteCode(page, solution);
    const submit = await grade(page, 'Submit');
    console.log(`[workspace] Submit → verdict ${submit.elapsedMs} ms (warm runtime)`);
    expect(submit.verdict, submit.message).toBe('pass');
    await expect(page.locator('.result-test[data-status="pass"]').count()).resolves.toBe(8); // every case, hidden ones too
    // The learner's code ran in the sandbox frame from the other loopback name (another site, so another process).
    const frameHost = new URL(page.url()).hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    expect(page.frames().map((f) => f.url()).filter((url) => url.includes('/grader-frame')).map((url) => new URL(url).hostname)).toEqual([frameHost]);
    await screenshot(page, 'workspace-light');
  });

  it('marks a syntax error on its line in the editor', async () => {
    const { page } = session.current();
    await openExercise(page);
    await pasteCode(page, "import * as tf from '@tensorflow/tfjs';\nexport function lstmCellStep() {\n  return (;\n}\n");
    const run = await grade(page, 'Run');
    expect(run.verdict).toBe('error');
    expect(run.message).toMatch(/does not compile/);
    await expect(page.locator('[data-testid="code-markers"] li').first().getAttribute('data-line')).resolves.toBe('3');
    // Monaco draws the grader's marker as an error squiggle.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 5_000 });
  });

  it(`stops an endless loop at the time budget (+2 s) and the page keeps working`, async () => {
    const { page } = session.current();
    await openExercise(page);
    await waitForWarmGrader(page);
    await pasteCode(page, 'export function lstmCellStep() {\n  while (true) {}\n}\n');
    const run = await grade(page, 'Run');
    expect(run.verdict).toBe('timeout');
    expect(run.elapsedMs).toBeLessThan(budgetMs + 2_000);
    expect(run.tests.join('\n')).toContain(`${budgetMs} ms`);
    // Still responsive: the solution now runs and passes.
    await pasteCode(page, solution);
    const again = await grade(page, 'Run');
    expect(again.verdict, again.message).toBe('pass');
  });

  it('knows tfjs types: `tf.` completes and a type error is underlined before running', async () => {
    const { page } = session.current();
    await openExercise(page);
    await pasteCode(page, "import * as tf from '@tensorflow/tfjs';\nconst n: number = tf.zeros([2]);\ntf.matM");
    // The type error (a Tensor is not a number) gets a squiggle with no Run.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
    await expect(page.locator('.result[data-verdict]').count()).resolves.toBe(0);
    // The cursor ends after `tf.matM`: completion offers tfjs's matMul.
    await page.keyboard.press('Control+Space');
    await expect.poll(() => page.locator('.monaco-editor .suggest-widget').first().innerText(), { timeout: 15_000 }).toContain('matMul');
  });

  it('keeps the draft across a reload, and Reset to starter asks first', async () => {
    const { page } = session.current();
    await openExercise(page);
    const marker = '// my draft 42';
    await pasteCode(page, `${marker}\n${solution}`);
    await page.waitForFunction((m) => (localStorage.getItem('lstm-prep:progress') ?? '').includes(m), marker, { timeout: 5_000 });
    await page.reload();
    await page.locator('.workspace[data-editor-ready="true"] .monaco-editor').waitFor({ timeout: 30_000 });
    await expect.poll(() => editorText(page)).toContain(marker);

    page.once('dialog', (d) => void d.dismiss());
    await page.locator('.workspace-toolbar button', { hasText: 'Reset to starter' }).click();
    await expect(editorText(page)).resolves.toContain(marker);
    page.once('dialog', (d) => void d.accept());
    await page.locator('.workspace-toolbar button', { hasText: 'Reset to starter' }).click();
    await expect.poll(() => editorText(page)).toContain('Remove this line');
    await expect.poll(() => page.evaluate(() => localStorage.getItem('lstm-prep:progress') ?? '')).not.toContain(marker);
  });

  it('reveals hints one at a time and the solution only after a confirmation; dark theme screenshot', async () => {
    const { page } = session.current();
    await page.emulateMedia({ colorScheme: 'dark' });
    await openExercise(page);
    await expect(page.locator('.hint').count()).resolves.toBe(0);
    await page.locator('button', { hasText: /Show hint 1 of/ }).first().click();
    await expect(page.locator('.hint').count()).resolves.toBe(1);
    await page.locator('button', { hasText: /Show hint 2 of/ }).first().click();
    await expect(page.locator('.hint').count()).resolves.toBe(2);

    page.once('dialog', (d) => void d.dismiss());
    await page.locator('button', { hasText: 'Show the solution' }).first().click();
    await expect(page.locator('[data-testid="solution"]').count()).resolves.toBe(0);
    page.once('dialog', (d) => void d.accept());
    await page.locator('button', { hasText: 'Show the solution' }).first().click();
    await page.locator('[data-testid="solution"] .monaco-diff-editor').waitFor({ timeout: 30_000 });
    await screenshot(page, 'workspace-dark');
  });
});
