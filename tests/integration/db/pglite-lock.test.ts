// The embedded database belongs to one process: a second process opening the same folder fails at once
// with a clear message, and a lock left behind by a dead process does not block the next start.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseInUseError, openPglite } from '@/lib/server/pglite';

const run = promisify(execFile);
const root = mkdtempSync(path.join(tmpdir(), 'lstm-prep-lock-'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Opens `dataDir` from a separate Node process, the way a second `npm start` would. */
async function openFromAnotherProcess(dataDir: string): Promise<{ code: number; stderr: string; ms: number }> {
  const script = path.join(root, 'open.mts');
  writeFileSync(
    script,
    `import { openPglite } from ${JSON.stringify(path.resolve('lib/server/pglite.ts'))};
     const db = await openPglite(${JSON.stringify(dataDir)});
     await db.pglite.query('SELECT 1');
     await db.close();`,
  );
  const started = Date.now();
  try {
    await run(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
    return { code: 0, stderr: '', ms: Date.now() - started };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr, ms: Date.now() - started };
  }
}

describe('embedded database ownership', () => {
  it('refuses a second process with a message that says what to do', async () => {
    const dataDir = path.join(root, 'owned');
    const db = await openPglite(dataDir);
    try {
      await db.pglite.exec('CREATE TABLE t (x int); INSERT INTO t VALUES (42);');
      const second = await openFromAnotherProcess(dataDir);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(`already open in process ${process.pid}`);
      expect(second.stderr).toContain('DATABASE_URL');
      // The owner's data is untouched.
      const { rows } = await db.pglite.query<{ x: number }>('SELECT x FROM t');
      expect(rows).toEqual([{ x: 42 }]);
    } finally {
      await db.close();
    }
    // Once the owner has closed it, another process may open it.
    await expect(openFromAnotherProcess(dataDir)).resolves.toMatchObject({ code: 0 });
  });

  it('refuses a second opener in the same process too', async () => {
    const dataDir = path.join(root, 'same-process');
    const db = await openPglite(dataDir);
    try {
      await expect(openPglite(dataDir)).rejects.toBeInstanceOf(DatabaseInUseError);
    } finally {
      await db.close();
    }
  });

  it('takes over a lock whose process is gone', async () => {
    const dataDir = path.join(root, 'stale');
    writeFileSync(`${dataDir}.lock`, '999999999'); // no such process
    const db = await openPglite(dataDir);
    await expect(db.pglite.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await db.close();
  });
});
