// A question page as a learner uses it: answer hidden until revealed, math typeset on the server,
// both languages, a rating that survives a reload.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, openSession, screenshot, type Session } from './support/browser';

let browser: Browser;
let s: Session;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  s = await openSession(browser, { colorScheme: 'light' });
});
afterEach(async () => {
  const { errors, offsite } = s;
  await s.close();
  expect(offsite, 'requests that tried to leave localhost').toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});

describe('question page', () => {
  it('keeps the answer hidden until the learner reveals it', async () => {
    const { page } = s;
    await page.goto('/questions/03-vanishing-gradients');
    await expect(page.getByTestId('answer').isVisible()).resolves.toBe(false);
    await page.getByTestId('recall-note').fill('The cell state path is additive…');
    await page.getByTestId('reveal').click();
    await expect(page.getByTestId('answer').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Short answer' }).isVisible()).resolves.toBe(true);
    // Math is rendered on the server: KaTeX markup, no raw $$ left in the visible text.
    expect(await page.locator('.answer .katex').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('answer').innerText()).not.toContain('$$');
    await screenshot(page, 'question-revealed-light');
  });

  it('shows the Chinese answer after switching language', async () => {
    const { page } = s;
    await page.goto('/questions/02-gates');
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('reveal').click();
    await expect(page.getByRole('heading', { name: '简答' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Short answer' }).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'question-revealed-zh-dark');
  });

  it('remembers the rating and the jotted answer after a reload', async () => {
    const { page } = s;
    await page.goto('/questions/07-lstm-vs-gru');
    await page.getByTestId('recall-note').fill('GRU: two gates, no cell state');
    await page.getByTestId('reveal').click();
    await page.getByTestId('rate-hard').click();
    await page.reload();
    await expect(page.getByTestId('recall-note').inputValue()).resolves.toBe('GRU: two gates, no cell state');
    await page.getByTestId('reveal').click();
    await expect(page.getByTestId('rate-hard').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('rate-good').getAttribute('aria-pressed')).resolves.toBe('false');
  });
});
