// Finds the app for the browser suite: BASE_URL if it answers, else a fresh `npm start` on a free port
// with its own embedded database folder, stopped again when the suite ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

async function answers(url: string): Promise<boolean> {
  try {
    // The first request opens the database: allow it time on a busy two-core machine.
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(20_000) });
    return res.ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let child: ChildProcess | undefined;
let dataRoot: string | undefined;

/** BASE_URL when it is an http(s) URL: Vite sets BASE_URL=/ (its public base path) in every vitest process. */
function baseUrlFromEnv(): string | undefined {
  const value = process.env.BASE_URL;
  return value && /^https?:\/\//.test(value) ? value : undefined;
}

export default async function setup(project: TestProject) {
  let baseUrl = baseUrlFromEnv() ?? 'http://localhost:3000';
  if (!(await answers(baseUrl))) {
    if (baseUrlFromEnv()) throw new Error(`BASE_URL=${baseUrl} does not answer /api/health`);
    const port = await freePort();
    dataRoot = mkdtempSync(path.join(tmpdir(), 'lstm-prep-e2e-'));
    baseUrl = `http://localhost:${port}`;
    console.log(`[e2e] no app at BASE_URL; starting one at ${baseUrl}`);
    child = spawn('npx', ['tsx', 'scripts/start.ts'], {
      stdio: 'inherit',
      env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: path.join(dataRoot, 'pglite'), DATABASE_URL: '' },
      detached: true,
    });
    const deadline = Date.now() + 280_000;
    while (!(await answers(baseUrl))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('the app did not start for the browser suite');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  project.provide('baseUrl', baseUrl);
  return async () => {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
