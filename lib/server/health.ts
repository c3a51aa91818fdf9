// What /api/health reports: the app version and whether the database answers, with its migrations.
import { readdir } from 'node:fs/promises';
import { defaultMigrationPaths } from './migrate-paths';
import { databaseTarget } from '../env';
import { getDb } from './db';

export interface HealthReport {
  status: 'ok' | 'error';
  version: string;
  database: {
    engine: 'pglite' | 'postgresql';
    ok: boolean;
    latencyMs: number;
    appliedMigrations: number;
    pendingMigrations: number;
    error?: string;
  };
}

async function migrationFolderCount(): Promise<number> {
  const entries = await readdir(defaultMigrationPaths().migrationsDir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).length;
}

/** Asks the database a trivial question and counts finished migrations. Never throws. */
export async function checkHealth(version: string): Promise<HealthReport> {
  const started = performance.now();
  const engine = databaseTarget().kind === 'postgres' ? 'postgresql' : 'pglite';
  try {
    const { prisma } = await getDb();
    const [{ one }] = await prisma.$queryRaw<{ one: number }[]>`SELECT 1::int AS one`;
    const [{ applied }] = await prisma.$queryRaw<{ applied: number }[]>`
      SELECT count(*)::int AS applied FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const onDisk = await migrationFolderCount();
    return {
      status: one === 1 ? 'ok' : 'error',
      version,
      database: {
        engine,
        ok: one === 1,
        latencyMs: Math.round(performance.now() - started),
        appliedMigrations: applied,
        pendingMigrations: Math.max(0, onDisk - applied),
      },
    };
  } catch (err) {
    return {
      status: 'error',
      version,
      database: {
        engine,
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        appliedMigrations: 0,
        pendingMigrations: await migrationFolderCount(),
        error: err instanceof Error ? err.message : String(err),
      },
    };
  }
}
