// Launches Debian's Chromium through playwright-core (a fresh profile each launch) and opens pages that
// fail the test on any console error or any request that would leave localhost.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchChromium } from './chromium';

export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

export const baseUrl = () => inject('baseUrl');

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const launchBrowser = launchChromium;

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** URLs of requests that tried to leave localhost (they were blocked). */
  offsite: string[];
  close(): Promise<void>;
}

/** A fresh browser context (empty storage) with one page, watched for errors and off-site requests. */
export async function openSession(browser: Browser, options: BrowserContextOptions = {}): Promise<Session> {
  const context = await browser.newContext({ baseURL: baseUrl(), ...options });
  const errors: string[] = [];
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (/^(https?|wss?):$/.test(url.protocol) && !LOCAL_HOSTS.has(url.hostname)) {
      offsite.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const watch = (p: Page) => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
    });
    p.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  return { context, page, errors, offsite, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Registers the usual hooks for a browser test file: one Chromium for the file, a fresh context per
 * test, and after each test the check that nothing left localhost and nothing logged an error.
 * Returns a getter for the current test's session.
 */
export function browserSessionPerTest(options: BrowserContextOptions = { colorScheme: 'light' }) {
  let browser: Browser;
  let session: Session;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    session = await openSession(browser, options);
  });
  afterEach(async () => {
    const { errors, offsite } = session;
    await session.close();
    expect(offsite, 'requests that tried to leave localhost').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  });
  return {
    current: () => session,
    /** Replaces the current session with one opened with other options (e.g. a phone viewport). */
    reopen: async (other: BrowserContextOptions) => {
      await session.close();
      session = await openSession(browser, other);
      return session;
    },
  };
}
