// Launches Debian's Chromium through playwright-core (a fresh profile each launch) and opens pages that
// fail the test on any console error or any request that would leave localhost.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

export const baseUrl = () => inject('baseUrl');

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
    ],
  });
}

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
