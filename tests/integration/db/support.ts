// A throw-away database for one test file: a fresh PGlite folder by default, or a fresh database on the
// PostgreSQL server named by DATABASE_URL (CI runs this suite a second time that way).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '@/lib/server/db';
import { applyMigrationsToPglite, applyMigrationsToPostgres } from '@/lib/server/migrate';
import { openPglite } from '@/lib/server/pglite';

export const postgresUrl = () => (process.env.DATABASE_URL?.trim() ? process.env.DATABASE_URL.trim() : undefined);

/** Creates an empty PostgreSQL database next to the one DATABASE_URL names; returns its URL and a drop(). */
export async function createScratchPostgres(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lstm_prep_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface ScratchDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  applied: string[];
  cleanup(): Promise<void>;
}

/** A migrated scratch database of the kind this run targets. */
export async function openScratchDb(): Promise<ScratchDb> {
  const adminUrl = postgresUrl();
  if (adminUrl) {
    const scratch = await createScratchPostgres(adminUrl);
    const applied = await applyMigrationsToPostgres(scratch.url);
    const db = await openDb({ kind: 'postgres', url: scratch.url });
    return {
      db,
      kind: 'postgres',
      applied,
      async cleanup() {
        await db.close();
        await scratch.drop();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'lstm-prep-db-'));
  const dataDir = path.join(dir, 'pglite');
  const migrator = await openPglite(dataDir);
  const applied = await applyMigrationsToPglite(migrator.pglite);
  await migrator.close();
  const db = await openDb({ kind: 'pglite', dataDir });
  return {
    db,
    kind: 'pglite',
    applied,
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
