// Driving the exercise workspace as a learner does: open it, paste code, Run / Submit and read the verdict.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens the exercise and waits until the editor takes input; returns ms from navigation to editable. */
export async function openExercise(page: Page, exerciseId: string): Promise<number> {
  const started = Date.now();
  await page.goto(`/exercises/${exerciseId}`);
  await page.locator('.workspace[data-editor-ready="true"] .monaco-editor textarea').waitFor({ state: 'attached', timeout: 30_000 });
  return Date.now() - started;
}

/** Replaces the editor's text with `code` as a learner pastes it: through the clipboard, select all, Ctrl+V. */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const lastLine = code.trim().split('\n').at(-1)!.trim();
  await expect.poll(() => editorText(page)).toContain(lastLine);
}

/** The lines the editor shows now (Monaco renders spaces as no-break spaces). */
export async function editorText(page: Page): Promise<string> {
  return (await page.locator('.monaco-editor .view-lines').first().innerText()).replaceAll('\u00a0', ' ');
}

/** Clicks Run or Submit and waits for the verdict; returns it with its message and the ms it took. */
export async function grade(page: Page, button: 'Run' | 'Submit', timeoutMs = 60_000) {
  const started = Date.now();
  await page.locator('.workspace-toolbar button', { hasText: button }).first().click();
  await page.locator('[data-testid="run-progress"]').waitFor({ state: 'attached', timeout: 1_000 }).catch(() => undefined);
  const verdict = page.locator('.result[data-verdict]');
  await verdict.waitFor({ timeout: timeoutMs });
  return {
    verdict: await verdict.getAttribute('data-verdict'),
    message: await page.locator('[data-testid="verdict-message"] [data-l="en"]').innerText(),
    tests: await page.locator('.result-test [data-l="en"]').allInnerTexts(),
    elapsedMs: Date.now() - started,
  };
}

export async function waitForWarmGrader(page: Page): Promise<void> {
  await page.locator('[data-testid="runtime-status"][data-warm="true"]').waitFor({ timeout: 60_000 });
}
