// A question page as a learner uses it: answer hidden until revealed, math typeset on the server,
// both languages, a rating that survives a reload.
import { describe, expect, it } from 'vitest';
import { screenshot, browserSessionPerTest } from './support/browser';
import { seedBrowserStore } from './support/browser-store';

const session = browserSessionPerTest();

describe('question page', () => {
  it('keeps the answer hidden until the learner reveals it', async () => {
    const { page } = session.current();
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
    const { page } = session.current();
    await page.goto('/questions/02-gates');
    await page.getByTestId('lang-toggle').click();
    await page.getByTestId('reveal').click();
    await expect(page.getByRole('heading', { name: '简答' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Short answer' }).isVisible()).resolves.toBe(false);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'question-revealed-zh-dark');
  });

  it('remembers the rating and the jotted answer after a reload', async () => {
    const { page } = session.current();
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

  it('finds questions by an English and by a Chinese term in the answers, not only in titles', async () => {
    const { page } = session.current();
    await page.goto('/questions');
    const search = page.getByTestId('question-search');
    const found = () => page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
    await search.fill('teacher forcing');
    await page.waitForFunction(() => !document.querySelector('[data-testid="search-count"]')?.textContent?.includes('loading'));
    expect(await found()).toEqual(['06-lstm-in-nlp', '11-lstm-for-images', '19-machine-translation']);
    await search.fill('教师强制');
    expect(await found()).toEqual(['06-lstm-in-nlp', '11-lstm-for-images', '19-machine-translation']);
    await search.fill('no-such-term-xyz');
    await expect(page.getByTestId('search-empty').isVisible()).resolves.toBe(true);
  });

  it('shows each question as new until it is rated, then with its review status', async () => {
    const { page } = session.current();
    await page.goto('/questions');
    const status = (id: string) => page.locator(`[data-question="${id}"] [data-testid="question-status"]`).innerText();
    await expect(status('01-lstm-vs-rnn')).resolves.toBe('New');
    await page.goto('/questions/01-lstm-vs-rnn');
    await page.getByTestId('reveal').click();
    await page.getByTestId('rate-easy').click();
    await page.goto('/questions');
    await expect(status('01-lstm-vs-rnn')).resolves.toBe('Known');
    await expect(status('02-gates')).resolves.toBe('New');
  });

  it('lists a question on /review once its review date has come, and counts it on /progress', async () => {
    const { page } = session.current();
    await page.goto('/review');
    await expect(page.getByTestId('review-empty').isVisible()).resolves.toBe(true);
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
    await seedBrowserStore(page, { questionRatings: { '02-gates': [{ rating: 'good', at: monthAgo }] } });
    await page.reload();
    const due = await page.locator('[data-testid="due-list"] [data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')));
    expect(due).toEqual(['02-gates']);
    await page.goto('/progress');
    await expect(page.getByTestId('progress-summary').innerText()).resolves.toContain('Questions rated: 1 of 20');
  });
});

