// Browser benchmark of our wasm kernels: the small LSTM training step in headless Chromium, inside a Web Worker.
//
// Run: npx tsx tests/bench/wasm-kernels-browser.ts
// Bundles wasm-kernels-browser.worker.ts with esbuild (an ES module worker) into a temp dir, serves it and the tfjs .wasm files from
// 127.0.0.1, and drives Debian's Chromium (/usr/bin/chromium) with playwright-core. No COOP/COEP headers, so
// the wasm backend runs single-threaded with SIMD, as in Node. Figures are noisy on a shared machine.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from '../e2e/support/chromium';
import type { BrowserBenchResult } from './wasm-kernels-browser.worker';

const TIMEOUT_MS = 300_000;
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
};

const PAGE = `<!doctype html><meta charset="utf-8"><title>wasm kernels bench</title><link rel="icon" href="data:,">
<script>
  const worker = new Worker('/worker.js', { type: 'module' });
  worker.onmessage = (event) => { window.__benchResult = event.data; };
  worker.onerror = (event) => { window.__benchResult = { ok: false, error: 'worker error: ' + event.message }; };
  worker.postMessage('start');
</script>`;

/** Bundles the worker and copies the page and the tfjs wasm binaries (served at /tfjs-wasm/, as in the app). */
async function prepareSite(dir: string): Promise<void> {
  await build({
    entryPoints: [join(here, 'wasm-kernels-browser.worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: join(dir, 'worker.js'),
    tsconfig: join(repoRoot, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  const wasmDist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  await mkdir(join(dir, 'tfjs-wasm'));
  for (const file of (await readdir(wasmDist)).filter((name) => name.endsWith('.wasm'))) {
    await copyFile(join(wasmDist, file), join(dir, 'tfjs-wasm', file));
  }
  await writeFile(join(dir, 'index.html'), PAGE);
}

/** A static file server for `dir` on 127.0.0.1 (random port). */
async function serve(dir: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

async function main(): Promise<void> {
  const siteDir = await mkdtemp(join(tmpdir(), 'wasm-kernels-site-'));
  let server: Server | undefined;
  try {
    await prepareSite(siteDir);
    server = await serve(siteDir);
    const { port } = server.address() as AddressInfo;
    const browser = await launchChromium();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.on('console', (message) => console.error(`[browser] ${message.text()}`));
      await page.goto(`http://127.0.0.1:${port}/`);
      const handle = await page.waitForFunction(() => (window as unknown as { __benchResult?: unknown }).__benchResult, null, {
        timeout: TIMEOUT_MS,
      });
      const result = (await handle.jsonValue()) as BrowserBenchResult;
      const version = context.browser()?.version() ?? 'Chromium';
      report(result, version);
    } finally {
      await browser.close();
    }
  } finally {
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    await rm(siteDir, { recursive: true, force: true });
  }
}

function report(result: BrowserBenchResult, browserVersion: string): void {
  if (!result.ok) {
    console.log(`browser bench failed: ${result.error}`);
    process.exitCode = 1;
    return;
  }
  const { size, reps, stockMs, oursMs, cpuMs, backendAfter } = result;
  console.log(`\nHeadless ${browserVersion}, Web Worker, backend after run: ${backendAfter}`);
  console.log(`train step: lstm → dense, ${size}; median ms per step after warm-up (${reps} reps; cpu 3 reps)`);
  console.log('wasm stock ms | wasm ours ms | cpu ms | ours/stock | ours/cpu');
  console.log(
    `${stockMs.toFixed(1).padStart(13)} | ${oursMs.toFixed(1).padStart(12)} | ${cpuMs.toFixed(1).padStart(6)} | ` +
      `${(oursMs / stockMs).toFixed(2).padStart(9)}× | ${(oursMs / cpuMs).toFixed(2).padStart(7)}×`,
  );
}

await main();
