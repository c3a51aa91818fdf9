// The exercise catalogue as a learner uses it: statuses from the browser store, filters and search.
import { describe, expect, it } from 'vitest';
import { browserSessionPerTest } from './support/browser';
import { seedBrowserStore } from './support/browser-store';

const session = browserSessionPerTest();

const ids = (page: import('playwright-core').Page) =>
  page.locator('[data-exercise]').evaluateAll((els) => els.map((e) => e.getAttribute('data-exercise')));

describe('exercise catalogue', () => {
  it('lists the from-scratch track, all not started, with related questions', async () => {
    const { page } = session.current();
    await page.goto('/exercises');
    const listed = await ids(page);
    expect(listed.slice(0, 7)).toEqual([
      '01-lstm-cell-step',
      '02-lstm-forward',
      '03-lstm-bptt',
      '04-gradient-clipping',
      '05-gru-cell',
      '06-gradient-flow',
      '07-train-from-scratch',
    ]);
    const statuses = await page.getByTestId('exercise-status').allInnerTexts();
    expect(new Set(statuses)).toEqual(new Set(['Not started']));
    await expect(page.locator('[data-exercise="03-lstm-bptt"] a.related-question').count()).resolves.toBeGreaterThan(0);
  });

  it('shows solved and attempted exercises from the browser store and filters by status, difficulty and text', async () => {
    const { page } = session.current();
    await page.goto('/exercises');
    const at = new Date().toISOString();
    await seedBrowserStore(page, {
      drafts: { '02-lstm-forward': { code: 'export function lstmForward() {}', savedAt: at } },
      exercises: { '01-lstm-cell-step': { last: { verdict: 'pass', includesHidden: true, at }, solvedAt: at } },
    });
    await page.reload();
    const status = (id: string) => page.locator(`[data-exercise="${id}"] [data-testid="exercise-status"]`).innerText();
    await expect(status('01-lstm-cell-step')).resolves.toBe('Solved');
    await expect(status('02-lstm-forward')).resolves.toBe('Attempted');
    await expect(status('03-lstm-bptt')).resolves.toBe('Not started');

    await page.getByTestId('status-filter').selectOption('solved');
    expect(await ids(page)).toEqual(['01-lstm-cell-step']);
    await page.getByTestId('status-filter').selectOption('all');

    await page.getByTestId('exercise-search').fill('GRU');
    expect(await ids(page)).toEqual(['05-gru-cell', '10-session-recommendation']); // the GRU cell, and Embedding → GRU → softmax
    await page.getByTestId('exercise-search').fill('GRU cell');
    expect(await ids(page)).toEqual(['05-gru-cell']);
    await page.getByTestId('exercise-search').fill('梯度裁剪');
    expect(await ids(page)).toEqual(['04-gradient-clipping']);
    await page.getByTestId('exercise-search').fill('');

    await page.getByTestId('difficulty-filter').selectOption('easy');
    expect(await ids(page)).toEqual(['01-lstm-cell-step', '04-gradient-clipping']);
    await page.getByTestId('status-filter').selectOption('attempted');
    await page.getByTestId('difficulty-filter').selectOption('medium');
    expect(await ids(page)).toEqual(['02-lstm-forward']);
    await page.getByTestId('difficulty-filter').selectOption('hard');
    expect(await ids(page)).toEqual([]);
    await expect(page.getByTestId('exercise-filter-empty').isVisible()).resolves.toBe(true);
  });
});
