// Accounts as a learner uses them (#12): sign up, solve an exercise, rate a question, reload — all there;
// sign out — gone from this browser; sign in again — the solved badge, the rating and the draft come back
// from the account. A guest's progress joins the account on sign-up. Screenshots of /progress and /account.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSessionPerTest, screenshot } from './support/browser';
import { editorText, grade, openExercise, pasteCode, waitForWarmGrader } from './support/workspace';

const EXERCISE = '01-lstm-cell-step';
const solution = readFileSync(path.resolve('content/exercises', EXERCISE, 'solution.ts'), 'utf8');
const solutionLastLine = solution.trim().split('\n').at(-1)!.trim();
const PASSWORD = 'long enough passphrase';

const session = browserSessionPerTest();

const freshEmail = (tag: string) => `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** The header's account corner once the page has read the session and the store is in step with the account. */
async function waitSynced(page: Page): Promise<void> {
  await page.locator('[data-testid="account-link"][data-account="signed-in"][data-sync="synced"]').waitFor({ timeout: 20_000 });
}

/** The page is hydrated and has read the session; when signed in, the store is in step with the account. */
async function settle(page: Page): Promise<void> {
  const link = page.locator('[data-testid="account-link"]:not([data-account="loading"])');
  await link.waitFor({ timeout: 20_000 });
  if ((await link.getAttribute('data-account')) === 'signed-in') await waitSynced(page);
}

/** /account, hydrated, read as a guest. */
async function openAccountAsGuest(page: Page): Promise<void> {
  await page.goto('/account');
  await page.locator('[data-testid="account-panel"][data-account="guest"]').waitFor({ timeout: 20_000 });
}

async function submitCredentials(page: Page, mode: 'sign-up' | 'sign-in', email: string): Promise<void> {
  await openAccountAsGuest(page);
  await page.getByTestId(`mode-${mode}`).click();
  await expect.poll(() => page.getByTestId('auth-form').getAttribute('data-mode')).toBe(mode);
  await page.getByTestId('auth-email').fill(email);
  await page.getByTestId('auth-password').fill(PASSWORD);
  await page.getByTestId('auth-submit').click();
  await page.locator('[data-testid="account-panel"][data-account="signed-in"]').waitFor({ timeout: 20_000 });
  await expect(page.getByTestId('account-email').innerText()).resolves.toBe(email);
  await waitSynced(page);
}

async function signOut(page: Page): Promise<void> {
  await page.goto('/account');
  await waitSynced(page);
  await page.getByTestId('sign-out').click();
  await page.locator('[data-testid="account-panel"][data-account="guest"]').waitFor({ timeout: 20_000 });
  await expect(page.getByTestId('account-link').innerText()).resolves.toBe('Sign in');
}

async function exerciseStatus(page: Page, id: string): Promise<string[]> {
  return page.locator(`[data-exercise="${id}"] [data-testid="exercise-status"]`).allInnerTexts();
}

/** Reveals the answer on a question page and says which rating is marked as the last one given. */
async function pressedRating(page: Page, questionId: string): Promise<string | null> {
  await page.goto(`/questions/${questionId}`);
  await settle(page);
  await page.getByTestId('reveal').click();
  for (const r of ['again', 'hard', 'good', 'easy']) {
    if ((await page.getByTestId(`rate-${r}`).getAttribute('aria-pressed')) === 'true') return r;
  }
  return null;
}

describe('accounts', () => {
  it('keeps a signed-up learner’s solved exercise, rating and draft across a reload and a sign-out / sign-in', async () => {
    const { page } = session.current();
    const email = freshEmail('solve');
    await submitCredentials(page, 'sign-up', email);
    await expect(page.getByTestId('account-link').innerText()).resolves.toBe(email);

    // Solve exercise 01: paste the solution, Submit → pass.
    await openExercise(page, EXERCISE);
    await waitForWarmGrader(page);
    await pasteCode(page, solution);
    const submit = await grade(page, 'Submit');
    expect(submit.verdict, submit.message).toBe('pass');
    await waitSynced(page);

    // Rate a question.
    await page.goto('/questions/02-gates');
    await page.getByTestId('reveal').click();
    await page.getByTestId('rate-good').click();
    await waitSynced(page);

    // Reload: all there.
    await page.reload();
    await settle(page);
    await page.getByTestId('reveal').click();
    await expect(page.getByTestId('rate-good').getAttribute('aria-pressed')).resolves.toBe('true');
    await page.goto('/exercises');
    await expect.poll(() => exerciseStatus(page, EXERCISE)).toEqual(['Solved']);
    await page.goto('/progress');
    await waitSynced(page);
    await expect(page.locator('[data-testid="track-progress"] [data-track="from-scratch"]').getAttribute('data-solved')).resolves.toBe('1');
    await expect(page.locator('[data-testid="recent-submissions"] [data-verdict="pass"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('current-streak').getAttribute('data-days')).resolves.toBe('1');
    await screenshot(page, 'progress-signed-in-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'progress-signed-in-dark');
    await page.goto('/account');
    await waitSynced(page);
    await screenshot(page, 'account-signed-in-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await screenshot(page, 'account-signed-in-light');

    // Sign out: this browser no longer shows the account's progress.
    await signOut(page);
    await page.goto('/exercises');
    await expect.poll(() => exerciseStatus(page, EXERCISE)).not.toContain('Solved');
    expect(await pressedRating(page, '02-gates')).toBeNull();
    await page.goto('/progress');
    await expect(page.getByTestId('guest-note').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-testid="track-progress"] [data-track="from-scratch"]').getAttribute('data-solved')).resolves.toBe('0');
    await screenshot(page, 'progress-guest-light');
    await openAccountAsGuest(page);
    await screenshot(page, 'account-guest-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'account-guest-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Sign in again: the solved badge, the rating and the draft come back from the account.
    await submitCredentials(page, 'sign-in', email);
    await page.goto('/exercises');
    await expect.poll(() => exerciseStatus(page, EXERCISE)).toEqual(['Solved']);
    expect(await pressedRating(page, '02-gates')).toBe('good');
    await openExercise(page, EXERCISE);
    await expect.poll(() => editorText(page)).toContain(solutionLastLine);
  });

  it("merges a guest's rating and note into the account on sign-up", async () => {
    const { page } = session.current();
    // As a guest: a note and a rating on one question.
    await page.goto('/questions/07-lstm-vs-gru');
    await settle(page);
    await page.getByTestId('recall-note').fill('GRU: update and reset gates, no cell state');
    await page.getByTestId('reveal').click();
    await page.getByTestId('rate-hard').click();

    const email = freshEmail('merge');
    await submitCredentials(page, 'sign-up', email);
    // Still shown after the merge…
    expect(await pressedRating(page, '07-lstm-vs-gru')).toBe('hard');
    // …and kept by the account: gone after sign-out, back after sign-in.
    await signOut(page);
    expect(await pressedRating(page, '07-lstm-vs-gru')).toBeNull();
    await expect(page.getByTestId('recall-note').inputValue()).resolves.toBe('');
    await submitCredentials(page, 'sign-in', email);
    expect(await pressedRating(page, '07-lstm-vs-gru')).toBe('hard');
    await expect(page.getByTestId('recall-note').inputValue()).resolves.toBe('GRU: update and reset gates, no cell state');
  });
});
