// `npm run bench:pages`: what each route costs a first-time visitor. Builds if needed (timed), starts
// `next start` on a free port with a scratch database (time to first response), then, per route, the
// JavaScript its HTML loads on first visit (gzip), and separately every other chunk of the build
// (loaded lazily, e.g. the editor), with the lab widgets' lazy chunks listed on their own. Next 16 no longer
// prints "First Load JS"; this replaces it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_PATH } from '../e2e/support/chromium';
import { printLabChunks } from './lab-chunks';
import { printWorkspaceTimings } from './workspace-timings';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Route paths from the build: static ones as they are, dynamic ones through their first prerendered page. */
function routesFromBuild(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next', 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>;
  const prerendered = Object.keys(
    (JSON.parse(readFileSync(path.join(root, '.next', 'prerender-manifest.json'), 'utf8')) as { routes: Record<string, unknown> }).routes,
  );
  const routes = new Set<string>();
  for (const route of Object.values(manifest)) {
    if (route.startsWith('/api') || /_not-found|_global-error/.test(route) || /\.(ico|svg|png|txt|xml|json)$/.test(route)) continue;
    if (!route.includes('[')) routes.add(route);
    else {
      const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, '[^/]+')}$`);
      const example = prerendered.find((p) => pattern.test(p));
      if (example) routes.add(example);
    }
  }
  return [...routes].sort();
}

let buildSeconds: number | null = null;
if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || process.argv.includes('--build')) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
  buildSeconds = (performance.now() - t) / 1000;
}

const port = await freePort();
const dataRoot = mkdtempSync(path.join(tmpdir(), 'lstm-prep-bench-'));
const started = performance.now();
const server = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PGLITE_DATA_DIR: path.join(dataRoot, 'pglite'), DATABASE_URL: '' },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
let firstResponseMs = NaN;
for (let i = 0; i < 600; i++) {
  try {
    if ((await fetch(`${base}/`)).ok) {
      firstResponseMs = performance.now() - started;
      break;
    }
  } catch {
    /* not yet */
  }
  await new Promise((r) => setTimeout(r, 50));
}

try {
  const initial = new Set<string>();
  const rows: { route: string; scripts: number; raw: number; gzip: number; html: number }[] = [];
  for (const route of routesFromBuild()) {
    const html = await (await fetch(`${base}${route}`)).text();
    const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
    let raw = 0;
    let gzip = 0;
    for (const src of new Set(srcs)) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      raw += body.length;
      gzip += gzipSync(body, { level: 9 }).length;
      initial.add(path.basename(new URL(src, base).pathname));
    }
    // Inline scripts (the RSC payload and the theme boot script) are part of the HTML document.
    rows.push({ route, scripts: new Set(srcs).size, raw, gzip, html: gzipSync(html).length });
  }

  console.log(`\nLSTM Prep — pages (${new Date().toISOString()})`);
  if (buildSeconds !== null) console.log(`next build: ${buildSeconds.toFixed(1)} s`);
  console.log(`next start → first response of /: ${Math.round(firstResponseMs)} ms\n`);
  console.log('First-load JavaScript per route (every <script src> in the HTML; gzip -9):');
  console.log(`${'route'.padEnd(34)} ${'scripts'.padStart(7)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'HTML gzip'.padStart(10)}`);
  for (const r of rows) {
    console.log(`${r.route.padEnd(34)} ${String(r.scripts).padStart(7)} ${kB(r.raw).padStart(10)} ${kB(r.gzip).padStart(10)} ${kB(r.html).padStart(10)}`);
  }

  // The lab widgets' chunks, measured in Chromium by scrolling each widget into view on a question page.
  const labChunks = existsSync(CHROMIUM_PATH) ? await printLabChunks(base) : new Set<string>();
  if (!existsSync(CHROMIUM_PATH)) console.log(`\n(no Chromium at ${CHROMIUM_PATH}: lab widget chunks not measured)`);

  const chunkDir = path.join(root, '.next', 'static', 'chunks');
  const lazy = readdirSync(chunkDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js') && !initial.has(e.name) && !labChunks.has(e.name))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { name: path.relative(chunkDir, file), raw: statSync(file).size, gzip: gzipSync(readFileSync(file), { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const index = await fetch(`${base}/questions/search-index.json`);
  if (index.ok) {
    const body = Buffer.from(await index.arrayBuffer());
    console.log(`\nLoaded on demand: /questions/search-index.json (when the learner searches) ${kB(body.length)} raw, ${kB(gzipSync(body, { level: 9 }).length)} gzip`);
  }
  console.log(`\nOther chunks no route loads on first visit (lazy or unused): ${lazy.length}, ${kB(lazy.reduce((s, c) => s + c.gzip, 0))} gzip`);
  for (const c of lazy.slice(0, 15)) console.log(`  ${c.name.padEnd(48)} ${kB(c.raw).padStart(10)} ${kB(c.gzip).padStart(10)}`);

  if (existsSync(CHROMIUM_PATH)) {
    const exercises = readdirSync(path.join(root, 'content', 'exercises')).filter((d) => existsSync(path.join(root, 'content', 'exercises', d, 'solution.ts'))).sort();
    await printWorkspaceTimings(base, exercises);
  } else {
    console.log(`\n(no Chromium at ${CHROMIUM_PATH}: workspace timings skipped; apt-get install chromium)`);
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataRoot, { recursive: true, force: true });
}
