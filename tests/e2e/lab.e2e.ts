// The glass-box LSTM in the browser: widgets load only when scrolled into view, the gradient-flow chart answers its sliders,
// the gate inspector steps through time and runs the learner's own code beside the reference; screenshots in both themes.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSessionPerTest, screenshot } from './support/browser';
import { seedBrowserStore } from './support/browser-store';

const session = browserSessionPerTest();

/** Stores drafts in the browser store as the workspace would have autosaved them. */
async function storeDrafts(page: Page, drafts: Record<string, string>): Promise<void> {
  const savedAt = new Date().toISOString();
  await seedBrowserStore(page, { drafts: Object.fromEntries(Object.entries(drafts).map(([id, code]) => [id, { code, savedAt }])) });
}

const lstmPath = (page: Page) => page.locator('[data-testid="gradient-flow"] path[data-series="lstm"]').getAttribute('d');

describe('the lab', () => {
  it('question 03: the gradient-flow chart loads on scroll, and the forget-bias slider changes the LSTM curve only', async () => {
    const { page } = session.current();
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/tfjs-wasm/')) wasm.push(r.url());
    });
    await page.goto('/questions/03-vanishing-gradients');
    await page.waitForLoadState('networkidle');
    // Nothing of the widget (and no tfjs) before the learner gets there.
    await expect(page.getByTestId('lab-slot-gradient-flow').getAttribute('data-loaded')).resolves.toBe('false');
    expect(wasm).toEqual([]);

    await page.getByTestId('reveal').click();
    await page.getByTestId('lab-slot-gradient-flow').scrollIntoViewIfNeeded();
    const summary = page.getByTestId('gradient-summary');
    await summary.waitFor({ timeout: 60_000 });
    const before = await lstmPath(page);
    // The path geometry follows the y-axis, which rescales with the curves: compare the plotted values.
    const rnnValues = () => page.locator('[data-testid="gradient-flow"] path[data-series="rnn"]').getAttribute('data-values');
    const rnnBefore = await rnnValues();
    const summaryBefore = await summary.innerText();
    expect(before).toMatch(/^M/);
    await page.getByTestId('gradient-flow').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-gradient-flow-before');

    // Keyboard only: focus the forget-bias slider and move it down four notches (1 → −1).
    const slider = page.getByTestId('slider-forgetBias');
    await slider.focus();
    for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowLeft');
    await expect(slider.inputValue()).resolves.toBe('-1');
    await expect.poll(() => lstmPath(page), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => summary.innerText()).toContain('forget bias -1');
    expect(await summary.innerText()).not.toBe(summaryBefore);
    // The forget bias is an LSTM parameter: the RNN curve stays where it was.
    await expect(rnnValues()).resolves.toBe(rnnBefore);
    await screenshot(page, 'lab-gradient-flow-forget-bias-low');

    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'lab-gradient-flow-dark');
  });

  it('/lab: the gate inspector steps through time with the equations filled in, in both languages', async () => {
    const { page } = session.current();
    await page.goto('/lab');
    // /lab shows the GRU-vs-LSTM view too, with the same parts: look inside the gate inspector only.
    const gates = page.getByTestId('lab-slot-gates');
    await gates.scrollIntoViewIfNeeded();
    const summary = gates.getByTestId('gate-summary');
    await summary.waitFor({ timeout: 60_000 });
    await expect(summary.innerText()).resolves.toContain('Step t = 0 (steps 0–11)');
    const step = gates.getByTestId('step-slider');
    await step.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => summary.innerText()).toContain('Step t = 2 (steps 0–11)');
    await expect(gates.getByTestId('step-equations').innerText()).resolves.toMatch(/c\s*t\s*= f·c\s*t−1\s*\+ i·g = /);
    // Six heat-maps: i, f, g, o, c, h.
    for (const row of ['i', 'f', 'g', 'o', 'c', 'h']) await expect(gates.getByTestId(`heat-${row}`).isVisible()).resolves.toBe(true);
    await screenshot(page, 'lab-gate-inspector-light');

    await gates.getByTestId('typed-sequence').fill('1 1 0 1 x');
    await gates.getByTestId('typed-sequence').press('Enter');
    await expect(page.getByRole('alert').first().innerText()).resolves.toContain('"x" is not a number');
    await gates.getByTestId('typed-sequence').fill('1 1 0 1 1');
    await gates.getByTestId('typed-sequence').press('Enter');
    await expect.poll(() => summary.innerText()).toContain('(steps 0–4)');

    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => summary.innerText()).toContain('共 5 步');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'lab-gate-inspector-zh-dark');
  });

  it("/lab: runs the learner's lstmForward beside the reference and outlines where it differs", async () => {
    const { page } = session.current();
    await page.goto('/lab');
    const solution = readFileSync('content/exercises/02-lstm-forward/solution.ts', 'utf8');
    const broken = solution.replace('const f = tf.sigmoid(zf); // [B, H]', 'const f = tf.tanh(zf); // [B, H]');
    expect(broken).not.toBe(solution);
    await storeDrafts(page, { '02-lstm-forward': broken });
    await page.reload();
    const gates = page.getByTestId('lab-slot-gates');
    await gates.scrollIntoViewIfNeeded();
    await gates.getByTestId('gate-summary').waitFor({ timeout: 60_000 });
    await gates.getByTestId('run-learner').click();
    const verdict = gates.getByTestId('learner-summary');
    await verdict.waitFor({ timeout: 90_000 });
    await expect(verdict.innerText()).resolves.toMatch(/Differs from the reference.*f: \d+/);
    expect(await page.locator('[data-testid="learner-heat-f"] rect[data-different]').count()).toBeGreaterThan(0);
    await page.getByTestId('learner-column').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-learner-differs');

    // The model answer matches everywhere.
    await storeDrafts(page, { '02-lstm-forward': solution });
    await page.reload();
    await gates.scrollIntoViewIfNeeded();
    await gates.getByTestId('gate-summary').waitFor({ timeout: 60_000 });
    await gates.getByTestId('run-learner').click();
    await expect.poll(() => gates.getByTestId('learner-summary').innerText(), { timeout: 90_000 }).toContain('Every value matches the reference');
  });

  it('question 04: the clipping demo shows plain descent thrown by the cliff and clipped descent not', async () => {
    const { page } = session.current();
    await page.goto('/questions/04-gradient-clipping');
    await page.getByTestId('reveal').click();
    await page.getByTestId('lab-slot-clipping').scrollIntoViewIfNeeded();
    const summary = page.getByTestId('clipping-summary');
    await summary.waitFor({ timeout: 30_000 });
    const step = page.getByTestId('clip-step');
    await step.focus();
    await page.keyboard.press('End');
    await expect.poll(() => summary.innerText()).toContain('After 40 steps');
    const text = await summary.innerText();
    const [plainJump, clippedJump] = [...text.matchAll(/longest jump(?: so far)? (\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    expect(plainJump).toBeGreaterThan(4);
    expect(clippedJump).toBeLessThanOrEqual(0.2 + 1e-9);
    await page.getByTestId('clipping-demo').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-clipping');
  });

  it('question 07: the GRU gates beside the LSTM gates on the same input', async () => {
    const { page } = session.current();
    await page.goto('/questions/07-lstm-vs-gru');
    await page.getByTestId('reveal').click();
    await page.getByTestId('lab-slot-gru-vs-lstm').scrollIntoViewIfNeeded();
    await page.getByTestId('gate-summary').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('gru-vs-lstm').innerText()).resolves.toContain('GRU update gate z');
    await page.getByTestId('gru-vs-lstm').scrollIntoViewIfNeeded();
    await screenshot(page, 'lab-gru-vs-lstm');
  });

  it('links each from-scratch exercise to its lab section', async () => {
    const { page } = session.current();
    await page.goto('/exercises/06-gradient-flow');
    await expect(page.getByTestId('lab-link').locator('a').getAttribute('href')).resolves.toBe('/lab#gradient-flow');
  });
});
