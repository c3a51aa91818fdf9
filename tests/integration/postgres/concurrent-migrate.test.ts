// Several app instances starting at once on one PostgreSQL: the advisory lock makes exactly one of them
// apply each migration; the others wait, then find nothing to do. Runs only with DATABASE_URL
// (`npm run test:postgres`, which .ci/run calls after starting PostgreSQL).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_ADVISORY_LOCK_KEY } from '@/lib/server/migrate';
import { createScratchPostgres } from '../db/support';

const run = promisify(execFile);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error('This suite needs DATABASE_URL=postgresql://… (see .ci/run)');

let scratch: Awaited<ReturnType<typeof createScratchPostgres>>;

beforeAll(async () => {
  scratch = await createScratchPostgres(adminUrl);
});

afterAll(async () => {
  await scratch?.drop();
});

/** `npm run db:migrate` in its own process against the scratch database. */
function migrateInAnotherProcess() {
  return run(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
    env: { ...process.env, DATABASE_URL: scratch.url },
  });
}

describe('migrations on PostgreSQL', () => {
  it('two migrators started at once apply each migration exactly once', async () => {
    // Hold the lock so both processes are certainly waiting on it at the same time, then let go.
    const holder = new pg.Client({ connectionString: scratch.url });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_ADVISORY_LOCK_KEY.toString()]);
    const both = Promise.all([migrateInAnotherProcess(), migrateInAnotherProcess()]);
    for (let waiting = 0; waiting < 2; ) {
      const { rows } = await holder.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
      );
      waiting = rows[0].n;
      await new Promise((r) => setTimeout(r, 100));
    }
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_ADVISORY_LOCK_KEY.toString()]);
    const outputs = (await both).map((r) => r.stdout);
    expect(outputs.filter((o) => o.includes('Applied'))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes('up to date'))).toHaveLength(1);
    const { rows } = await holder.query<{ migration_name: string; n: number }>(
      'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name',
    );
    await holder.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});
