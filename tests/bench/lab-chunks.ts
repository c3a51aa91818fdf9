// The lab widgets' lazy chunks for `npm run bench:pages`: what a question page loads only once its widget scrolls into view, per widget, in headless Chromium.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { QUESTION_WIDGETS, type LabWidget } from '../../app/_components/lab/placement';
import { launchChromium } from '../e2e/support/chromium';

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** The element each widget shows once its worker has answered (so every chunk it needs has loaded). */
const READY: Record<LabWidget, string> = {
  gates: '[data-testid="gate-summary"]',
  'gru-vs-lstm': '[data-testid="gate-summary"]',
  'gradient-flow': '[data-testid="gradient-summary"]',
  clipping: '[data-testid="clipping-summary"]',
};

export interface WidgetChunks {
  widget: LabWidget;
  route: string;
  /** scripts the page loaded before the widget scrolled into view (its first load) */
  initial: Set<string>;
  /** scripts loaded afterwards: the widget's chunks and its worker's */
  lazy: Map<string, { raw: number; gzip: number }>;
  /** true when a first-load script contains tfjs (it must not) */
  tfjsInFirstLoad: boolean;
}

/** The first question that shows each widget. */
function routesPerWidget(): Array<{ widget: LabWidget; route: string }> {
  const seen = new Map<LabWidget, string>();
  for (const [question, widget] of Object.entries(QUESTION_WIDGETS).sort()) if (!seen.has(widget)) seen.set(widget, `/questions/${question}`);
  return [...seen].map(([widget, route]) => ({ widget, route }));
}

async function measure(browser: Browser, base: string, widget: LabWidget, route: string): Promise<WidgetChunks> {
  const context = await browser.newContext({ baseURL: base });
  const bodies = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  // Context-wide, so the scripts the widget's worker imports are counted too.
  context.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('.js')) return;
    pending.push(response.body().then((b) => void bodies.set(url.pathname, b), () => undefined));
  });
  try {
    const page = await context.newPage();
    await page.goto(route, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const initial = new Set(bodies.keys());
    const tfjsInFirstLoad = [...initial].some((name) => bodies.get(name)!.includes('tfjs-backend-wasm'));
    await page.getByTestId('reveal').click();
    await page.getByTestId(`lab-slot-${widget}`).scrollIntoViewIfNeeded();
    await page.locator(READY[widget]).waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const lazy = new Map<string, { raw: number; gzip: number }>();
    for (const [name, body] of bodies) if (!initial.has(name)) lazy.set(name, { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    return { widget, route, initial, lazy, tfjsInFirstLoad };
  } finally {
    await context.close();
  }
}

/** Prints each widget's lazy chunks; returns every chunk name seen, so the generic lazy list can leave them out. */
export async function printLabChunks(base: string): Promise<Set<string>> {
  const browser = await launchChromium();
  const all = new Set<string>();
  try {
    console.log('\nLab widgets: JavaScript loaded only when the widget scrolls into view (its chunks + its worker; gzip -9):');
    for (const { widget, route } of routesPerWidget()) {
      const m = await measure(browser, base, widget, route);
      const chunks = [...m.lazy].sort((a, b) => b[1].gzip - a[1].gzip);
      const gzip = chunks.reduce((s, [, c]) => s + c.gzip, 0);
      const raw = chunks.reduce((s, [, c]) => s + c.raw, 0);
      console.log(`  ${widget.padEnd(14)} on ${route.padEnd(34)} ${String(chunks.length).padStart(3)} files ${kB(raw).padStart(10)} ${kB(gzip).padStart(10)}   tfjs in first load: ${m.tfjsInFirstLoad ? 'YES (regression)' : 'no'}`);
      for (const [name, c] of chunks) {
        console.log(`    ${name.padEnd(60)} ${kB(c.raw).padStart(10)} ${kB(c.gzip).padStart(10)}`);
        all.add(name.split('/').at(-1)!);
      }
    }
  } finally {
    await browser.close();
  }
  return all;
}
