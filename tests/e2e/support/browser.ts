// Launches Debian's Chromium through playwright-core and opens pages that fail the test on any console
// error or any request that would leave localhost.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

export const baseUrl = () => inject('baseUrl');

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  /** URLs of requests that tried to leave localhost (they were blocked). */
  offsite: string[];
  close(): Promise<void>;
}

export async function openSession(options: BrowserContextOptions = {}): Promise<Session> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'lstm-prep-chromium-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: [
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${userDataDir}`,
    ],
  });
  const context = await browser.newContext({ baseURL: baseUrl(), ...options });
  const errors: string[] = [];
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && !LOCAL_HOSTS.has(url.hostname)) {
      offsite.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const page = await context.newPage();
  const watch = (p: Page) => {
    p.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    p.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  };
  watch(page);
  context.on('page', watch);
  return {
    browser,
    context,
    page,
    errors,
    offsite,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
