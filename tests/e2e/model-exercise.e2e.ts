// Build-and-train exercises in the browser: 08's solution trains in the learner's worker with a live loss
// curve and passes; one exercise of each later part passes too; Stop ends a training run and the page keeps working.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSessionPerTest, screenshot } from './support/browser';
import { grade, openExercise, pasteCode, waitForWarmGrader } from './support/workspace';

const EXERCISE = '08-sequence-windows-forecast';
const solution = readFileSync(path.resolve('content/exercises', EXERCISE, 'solution.ts'), 'utf8');
const session = browserSessionPerTest();

/** Learner workers alive in the sandbox frame (served from the other loopback name), as the browser lists its targets. */
async function frameLearnerWorkers(page: Page): Promise<number> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const frameHost = new URL(page.url()).hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    return targetInfos.filter((t) => t.type === 'worker' && t.url.startsWith(`http://${frameHost}:`) && t.url.endsWith('/grader/worker.js')).length;
  } finally {
    await cdp.detach();
  }
}

/** Reported epochs the chart shows now (0 while there is no chart). */
async function chartPoints(page: import('playwright-core').Page): Promise<number> {
  const chart = page.locator('[data-testid="training-chart"]');
  return (await chart.count()) === 0 ? 0 : Number(await chart.getAttribute('data-points'));
}

describe('model exercise workspace', () => {
  it('trains the solution with a live loss curve and passes Submit', async () => {
    const { page } = session.current();
    await openExercise(page, EXERCISE);
    await waitForWarmGrader(page);
    await pasteCode(page, solution);
    const submitting = grade(page, 'Submit', 90_000);
    // The curve grows while the model trains, before any verdict exists.
    await expect.poll(() => chartPoints(page), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.result[data-verdict]').count()).toBe(0);
    const submit = await submitting;
    const trainLine = submit.tests.find((t) => t.startsWith('train')) ?? '';
    const trainMs = await page.locator('.result-test', { hasText: /\d+\. train:/ }).locator('.result-duration').innerText();
    console.log(`[model-exercise] ${EXERCISE}: Submit → verdict ${submit.elapsedMs} ms; training test ${trainMs}`);
    expect(submit.verdict, `${submit.message} ${trainLine}`).toBe('pass');
    expect(await chartPoints(page)).toBe(12); // the solution fits 12 epochs
    await expect(page.locator('.training-chart-plot canvas').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'model-exercise-trained');
  });

  // One exercise of each build-and-train issue beyond 08, solved in the browser with its own solution.
  it.each(['11-text-classification', '14-image-rows-lstm'])('solves %s with its solution.ts in the browser', async (exercise) => {
    const { page } = session.current();
    await openExercise(page, exercise);
    await waitForWarmGrader(page);
    await pasteCode(page, readFileSync(path.resolve('content/exercises', exercise, 'solution.ts'), 'utf8'));
    const submit = await grade(page, 'Submit', 90_000);
    const trainMs = await page.locator('.result-test', { hasText: /\d+\. train\b/ }).locator('.result-duration').first().innerText();
    console.log(`[model-exercise] ${exercise}: Submit → verdict ${submit.elapsedMs} ms; training test ${trainMs}`);
    expect(submit.verdict, `${submit.message} ${submit.tests.join(' | ')}`).toBe('pass');
    expect(await chartPoints(page)).toBeGreaterThanOrEqual(1);
  });

  it('Stop terminates a training run; the next Run works (dark theme)', async () => {
    const { page } = session.current();
    await page.emulateMedia({ colorScheme: 'dark' });
    await openExercise(page, EXERCISE);
    await waitForWarmGrader(page);
    await pasteCode(page, solution);
    await page.locator('.workspace-toolbar button', { hasText: 'Run' }).first().click();
    await expect.poll(() => chartPoints(page), { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(1);
    await expect(frameLearnerWorkers(page), 'the training worker, in the frame').resolves.toBe(1);
    await page.locator('.workspace-toolbar button', { hasText: 'Stop' }).click();
    await page.getByText('Stopped: the grading worker was terminated.').waitFor({ timeout: 5_000 });
    await screenshot(page, 'model-exercise-stopped-dark'); // the curve so far stays on screen
    await pasteCode(page, `export function normalizeByTrain() { throw new Error('still here'); }\n`);
    await waitForWarmGrader(page);
    // The training ran in the sandbox frame, which outlives the terminated grading worker: its relay ends the
    // orphaned worker once the pings stop, leaving only the spare of the new grading worker.
    await expect.poll(() => frameLearnerWorkers(page), { timeout: 20_000, interval: 500 }).toBe(1);
    const run = await grade(page, 'Run');
    expect(run.verdict).toBe('error');
    expect(run.message).toContain('still here');
  });
});
