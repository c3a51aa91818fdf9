// `npm run bench:api`: how many submissions per second the app acknowledges, and whether every one of
// them is stored exactly once. For each database (embedded PGlite, then PostgreSQL when one is
// reachable) it starts `npm start` on a free loopback port with a fresh database, signs a learner up,
// and lets autocannon POST /api/submissions from 50 connections for 30 s, each request with its own
// client id. Then it stops the app and reads the stored client ids: every acknowledged (2xx) id must
// be stored, once. Requests still open when the 30 s end are cut off by autocannon; the server may
// have stored them anyway, so they are counted apart ("stored, not acknowledged"), never as lost.
// Then the same route without a session cookie, for comparison: what Next and the auth check cost
// alone on this machine (the floor under any submission route).
//
// PostgreSQL: BENCH_POSTGRES_URL (or DATABASE_URL) names a server where we may create a scratch
// database; without either, the local cluster that .ci/run sets up is tried. Options:
// --duration <s> (default 30), --connections <n> (default 50), --only pglite|postgres.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDb } from '@/lib/server/db';
import { DatabaseInUseError } from '@/lib/server/pglite';
import { createScratchPostgres } from '../integration/db/support';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const DURATION_S = Number(arg('duration') ?? 30);
const CONNECTIONS = Number(arg('connections') ?? 50);
const ONLY = arg('only');
const LOCAL_POSTGRES = 'postgresql://lstm_prep:lstm_prep@127.0.0.1:5432/lstm_prep';

/** What one Run of exercise 01 sends: the learner's code (~2 kB) and the grader's result. */
const CODE = `import * as tf from '@tensorflow/tfjs';\n${'// the learner\'s lstmCellStep, as typed in the editor\n'.repeat(40)}`;
const RESULT = {
  verdict: 'pass',
  tests: [{ name: 'one step, B=2', status: 'pass', message: 'Matches the reference.', durationMs: 12 }],
};
function submissionBody(): string {
  return JSON.stringify({
    clientId: randomUUID(),
    exerciseId: '01-lstm-cell-step',
    kind: 'run',
    verdict: 'pass',
    code: CODE,
    result: RESULT,
    graderVersion: '1.1.0',
    backend: 'wasm',
    durationMs: 250,
    at: new Date().toISOString(),
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, app: ChildProcess): Promise<void> {
  for (let i = 0; i < 3000 && app.exitCode === null; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app did not become healthy');
}

/** Stops `npm start` and everything it started (its own process group); resolves once it has exited. */
function stop(app: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (app.exitCode !== null || app.signalCode !== null) return resolve();
    app.once('exit', () => resolve());
    try {
      process.kill(-app.pid!, 'SIGTERM');
    } catch {
      resolve(); // the group is already gone
    }
  });
}

/** Signs a fresh learner up and in; returns the Cookie header a browser would send. */
async function signIn(base: string): Promise<string> {
  const headers = { 'content-type': 'application/json', origin: base };
  const credentials = { email: `bench-${randomUUID()}@example.com`, password: 'bench password 1' };
  const up = await fetch(`${base}/api/auth/sign-up/email`, { method: 'POST', headers, body: JSON.stringify({ ...credentials, name: 'Bench' }) });
  if (!up.ok) throw new Error(`sign-up: ${up.status} ${await up.text()}`);
  const res = await fetch(`${base}/api/auth/sign-in/email`, { method: 'POST', headers, body: JSON.stringify(credentials) });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!cookies.some((c) => c.includes('session_token='))) throw new Error('sign-in set no session cookie');
  return cookies.join('; '); // every cookie a browser would send back
}

interface Row {
  engine: string;
  acknowledged: number;
  perSecond: number;
  p50: number;
  p99: number;
  rejected: number;
  errors: number;
  /** rows stored for the measured requests */
  rows: number;
  /** acknowledged ids that are not stored */
  lost: number;
  /** stored ids the client never saw acknowledged (cut off at the end) */
  unacknowledged: number;
  duplicates: number;
  /** The same server and route without a session cookie: answered 401 before the body is read or the database is asked. */
  floor: { perSecond: number; p50: number; p99: number };
}

async function benchOne(engine: 'pglite' | 'postgres', env: Record<string, string>, storedIds: () => Promise<string[]>): Promise<Row> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = spawn('npm', ['start'], {
    env: { ...process.env, ...env, PORT: String(port), HOSTNAME: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1', BETTER_AUTH_SECRET: randomUUID() + randomUUID() },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    await waitForHealth(base, app);
    const cookie = await signIn(base);
    const headers = { 'content-type': 'application/json', origin: base, cookie };
    // Warm the route (first compile of its code paths, connection pool) before measuring.
    const warmUp = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const body = submissionBody();
      warmUp.add(JSON.parse(body).clientId);
      await fetch(`${base}/api/submissions`, { method: 'POST', headers, body });
    }
    const acknowledged = new Set<string>();
    console.log(`${engine}: ${CONNECTIONS} connections for ${DURATION_S} s …`);
    const result = await autocannon({
      url: `${base}/api/submissions`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      method: 'POST',
      headers,
      requests: [
        {
          setupRequest: (req) => ({ ...req, body: submissionBody() }),
          onResponse: (status, body) => {
            if (status >= 200 && status < 300) acknowledged.add((JSON.parse(body) as { clientId: string }).clientId);
          },
        },
      ],
    });
    console.log(`${engine}: the same route without a session (401), ${CONNECTIONS} connections for ${DURATION_S} s …`);
    const floor = await autocannon({
      url: `${base}/api/submissions`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: submissionBody(),
    });
    await stop(app);
    const stored = (await storedIds()).filter((id) => !warmUp.has(id));
    const storedSet = new Set(stored);
    return {
      engine,
      acknowledged: acknowledged.size,
      perSecond: acknowledged.size / DURATION_S,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rejected: result.non2xx,
      errors: result.errors + result.timeouts,
      rows: stored.length,
      lost: [...acknowledged].filter((id) => !storedSet.has(id)).length,
      unacknowledged: stored.filter((id) => !acknowledged.has(id)).length,
      duplicates: stored.length - storedSet.size,
      floor: { perSecond: floor.requests.average, p50: floor.latency.p50, p99: floor.latency.p99 },
    };
  } finally {
    await stop(app);
  }
}

/** Opens the embedded database once the stopped server (npm's grandchild, still closing) lets go of it. */
async function openWhenReleased(dataDir: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await openDb({ kind: 'pglite', dataDir });
    } catch (err) {
      if (!(err instanceof DatabaseInUseError) || attempt >= 120) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function postgresAdminUrl(): Promise<string | null> {
  const url = process.env.BENCH_POSTGRES_URL?.trim() || process.env.DATABASE_URL?.trim() || LOCAL_POSTGRES;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

const rows: Row[] = [];
if (ONLY !== 'postgres') {
  const dir = mkdtempSync(path.join(tmpdir(), 'lstm-prep-bench-api-'));
  const dataDir = path.join(dir, 'pglite');
  rows.push(
    await benchOne('pglite', { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' }, async () => {
      const db = await openWhenReleased(dataDir);
      try {
        return (await db.prisma.submission.findMany({ select: { clientId: true } })).map((r) => r.clientId);
      } finally {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }),
  );
}
if (ONLY !== 'pglite') {
  const admin = await postgresAdminUrl();
  if (!admin) console.log('PostgreSQL: no server reachable (set BENCH_POSTGRES_URL, or run .ci/run once to set up the local one); skipped.');
  else {
    const scratch = await createScratchPostgres(admin);
    try {
      rows.push(
        await benchOne('postgres', { DATABASE_URL: scratch.url }, async () => {
          const db = await openDb({ kind: 'postgres', url: scratch.url });
          try {
            return (await db.prisma.submission.findMany({ select: { clientId: true } })).map((r) => r.clientId);
          } finally {
            await db.close();
          }
        }),
      );
    } finally {
      await scratch.drop();
    }
  }
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
console.log(`\nPOST /api/submissions, ${CONNECTIONS} connections, ${DURATION_S} s, one new client id per request (goal on PostgreSQL: p99 < 100 ms at ≥ 500/s, nothing lost)`);
console.log(['engine', 'acknowledged', 'per second', 'p50', 'p99', 'non-2xx', 'errors', 'rows stored', 'lost', 'duplicates', 'stored, not acknowledged'].join(' | '));
for (const r of rows) {
  console.log([r.engine, r.acknowledged, r.perSecond.toFixed(0), ms(r.p50), ms(r.p99), r.rejected, r.errors, r.rows, r.lost, r.duplicates, r.unacknowledged].join(' | '));
}
console.log(
  `\nThe floor: the same server and route with no session cookie (401 before the body is read or the database is asked).` +
    `\nWith ${CONNECTIONS} connections kept busy, throughput × mean latency = ${CONNECTIONS}: a p99 under 100 ms means a mean well under it,` +
    ` so well over ${(CONNECTIONS / 0.1).toFixed(0)}/s.`,
);
console.log(['engine', 'answered per second', 'p50', 'p99'].join(' | '));
for (const r of rows) console.log([r.engine, r.floor.perSecond.toFixed(0), ms(r.floor.p50), ms(r.floor.p99)].join(' | '));
const broken = rows.filter((r) => r.lost > 0 || r.duplicates > 0);
if (broken.length) {
  console.error(`\nAcknowledged submissions missing or stored twice on: ${broken.map((r) => r.engine).join(', ')}`);
  process.exit(1);
}
