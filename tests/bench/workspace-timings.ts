// Browser timings of the exercise workspace for `npm run bench:pages`: navigation → editable editor (cold and
// warm cache), and Submit → verdict per exercise with a warm grading runtime, in Debian's headless Chromium.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';

const EDITABLE = '.workspace[data-editor-ready="true"] .monaco-editor textarea';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** ms from navigation until the editor takes input. */
async function timeToEditable(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url);
  await page.locator(EDITABLE).waitFor({ state: 'attached', timeout: 60_000 });
  return performance.now() - started;
}

/** Replaces the editor's text through the clipboard, as a learner pastes. */
async function paste(page: Page, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const lastLine = code.trim().split('\n').at(-1)!.trim().replaceAll('\u00a0', ' ');
  for (let i = 0; i < 100; i++) {
    const shown = (await page.locator('.monaco-editor .view-lines').first().innerText()).replaceAll('\u00a0', ' ');
    if (shown.includes(lastLine)) return;
    await page.waitForTimeout(50);
  }
  throw new Error('the pasted code did not appear in the editor');
}

interface SubmitTiming {
  exercise: string;
  verdict: string | null;
  ms: number;
  /** Duration of the training test as the result panel shows it (model exercises). */
  trainingTest: string | null;
}

/** Opens the exercise, waits for the warm runtime, pastes solution.ts and times Submit → verdict. */
async function submitTiming(browser: Browser, base: string, exercise: string): Promise<SubmitTiming> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  try {
    await page.goto(`/exercises/${exercise}`);
    await page.locator(EDITABLE).waitFor({ state: 'attached', timeout: 60_000 });
    await page.locator('[data-testid="runtime-status"][data-warm="true"]').waitFor({ timeout: 60_000 });
    await paste(page, readFileSync(path.join('content/exercises', exercise, 'solution.ts'), 'utf8'));
    const started = performance.now();
    await page.locator('.workspace-toolbar button', { hasText: 'Submit' }).first().click();
    const verdict = page.locator('.result[data-verdict]');
    await verdict.waitFor({ timeout: 120_000 });
    const ms = performance.now() - started;
    const training = page.locator('.result-test', { hasText: /\d+\. train\b/ }).locator('.result-duration');
    return {
      exercise,
      verdict: await verdict.getAttribute('data-verdict'),
      ms,
      trainingTest: (await page.locator('[data-testid="training-chart"]').count()) > 0 ? await training.first().innerText() : null,
    };
  } finally {
    await context.close();
  }
}

/** Prints the workspace timings against `base` (a running `next start`). */
export async function printWorkspaceTimings(base: string, exercises: string[]): Promise<void> {
  const browser = await launchChromium();
  try {
    const url = `/exercises/${exercises[0]}`;
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ baseURL: base }); // empty cache: a first visit
      const page = await context.newPage();
      cold.push(await timeToEditable(page, url));
      warm.push(await timeToEditable(page, url)); // same context: a return visit, chunks cached
      await context.close();
    }
    console.log(`\nExercise workspace in headless Chromium (goal: editable < 2500 ms; verdict of a from-scratch exercise < 1500 ms)`);
    console.log(`navigation → editable editor, ${url}: cold ${cold.map(Math.round).join(' / ')} ms (median ${Math.round(median(cold))}), cached ${warm.map(Math.round).join(' / ')} ms (median ${Math.round(median(warm))})`);
    console.log(`${'exercise'.padEnd(32)} ${'verdict'.padEnd(8)} ${'Submit → verdict'.padStart(17)}  training test`);
    for (const exercise of exercises) {
      const t = await submitTiming(browser, base, exercise);
      console.log(`${t.exercise.padEnd(32)} ${String(t.verdict).padEnd(8)} ${`${Math.round(t.ms)} ms`.padStart(17)}  ${t.trainingTest ?? '—'}`);
    }
  } finally {
    await browser.close();
  }
}
