// `npm start`: apply migrations, build when there is no fresh build, serve with `next start`, and print
// the URL once the app answers. Stops the server cleanly on Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { databaseTarget, parseEnv } from '../lib/env';
import { migrate } from './migrate';

const env = parseEnv();
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/** Newest modification time under `p` (files the build depends on). */
function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules' || entry === 'generated' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** A build is fresh when .next/BUILD_ID is newer than every source file the build reads. */
function hasFreshBuild(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return false;
  const inputs = ['app', 'lib', 'content', 'public', 'next.config.mjs', 'package-lock.json', 'tsconfig.json'];
  const newestInput = Math.max(...inputs.map((p) => newestMtime(path.join(root, p))));
  return statSync(buildId).mtimeMs >= newestInput;
}

async function waitUntilAnswering(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status < 500 || res.status === 503) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const target = databaseTarget(env);
console.log(target.kind === 'postgres' ? 'Database: PostgreSQL (DATABASE_URL)' : `Database: embedded PGlite at ${target.dataDir}`);
const applied = await migrate();
console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Migrations: up to date');

if (!hasFreshBuild()) {
  console.log('No fresh build: bundling the grader worker and running `next build` (about a minute on two cores)…');
  const worker = spawnSync(process.execPath, ['scripts/build-grader-worker.mjs'], { stdio: 'inherit' });
  if (worker.status !== 0) process.exit(worker.status ?? 1);
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const url = `http://${env.HOSTNAME}:${env.PORT}`;
const server = spawn(process.execPath, [nextBin, 'start', '--port', String(env.PORT), '--hostname', env.HOSTNAME], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
await waitUntilAnswering(url, server);
if (server.exitCode === null) console.log(`\nLSTM Prep is running at ${url}\n`);
