// Applies prisma/migrations to a database and writes new migrations from schema changes, offline,
// keeping Prisma's own `_prisma_migrations` bookkeeping so `prisma migrate deploy` elsewhere agrees.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defaultMigrationPaths, type MigrationPaths } from './migrate-paths';
import { createSchemaEngine } from './schema-engine';


/** Reads the migration folders as the schema engine expects them (sorted by name = by timestamp). */
export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => {
      const file = path.join(migrationsDir, dir, 'migration.sql');
      const content = await readFile(file, 'utf8').then(
        (sql) => ({ tag: 'ok' as const, value: sql }),
        (err: Error) => ({ tag: 'error' as const, value: err.message }),
      );
      return { path: dir, migrationFile: { path: 'migration.sql', content } };
    }),
  );
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  } as MigrationList;
}

const noFilters = { externalTables: [], externalEnums: [] };

async function applyWithAdapter(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  paths: MigrationPaths,
): Promise<string[]> {
  const schema = { path: paths.schemaPath, content: await readFile(paths.schemaPath, 'utf8') };
  const engine = await createSchemaEngine(schema, adapter);
  try {
    const migrationsList = await readMigrationList(paths.migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** Applies pending migrations to an open PGlite database (one process owns it: no lock needed). */
export function applyMigrationsToPglite(pglite: PGlite, paths = defaultMigrationPaths()): Promise<string[]> {
  return applyWithAdapter(new PrismaPGlite(pglite), paths);
}

/**
 * Any 64-bit key that is ours: several app instances starting at once on one PostgreSQL queue on
 * this advisory lock, so exactly one applies each migration and the others find nothing to do.
 * (It differs from the key Prisma's native engine uses, so the two never wait on each other.)
 */
export const MIGRATION_ADVISORY_LOCK_KEY = 7_316_202_611n;

/** Applies pending migrations to PostgreSQL at `url`, serialised across processes by an advisory lock. */
export async function applyMigrationsToPostgres(url: string, paths = defaultMigrationPaths()): Promise<string[]> {
  const lockClient = new pg.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_ADVISORY_LOCK_KEY.toString()]);
    const adapter = new PrismaPg({ connectionString: url, max: 2 });
    return await applyWithAdapter(adapter, paths);
  } finally {
    // Closing the session also releases the lock if the unlock itself fails.
    await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_ADVISORY_LOCK_KEY.toString()]).catch(() => {});
    await lockClient.end();
  }
}

/**
 * The SQL that takes a database built from the existing migrations to the current schema, or null when
 * they agree. It replays the migrations into a throw-away in-memory PGlite (our shadow database), so the
 * result never depends on the state of anyone's real database.
 */
export async function diffSchemaAgainstMigrations(paths = defaultMigrationPaths()): Promise<string | null> {
  const shadow = new PGlite();
  try {
    await shadow.waitReady;
    const adapter = new PrismaPGlite(shadow);
    await applyWithAdapter(adapter, paths);
    const schema = { path: paths.schemaPath, content: await readFile(paths.schemaPath, 'utf8') };
    const engine = await createSchemaEngine(schema, adapter);
    try {
      const { stdout } = await engine.diff({
        from: { tag: 'schemaDatasource', files: [schema], configDir: path.dirname(paths.schemaPath) },
        to: { tag: 'schemaDatamodel', files: [schema] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      const sql = (stdout ?? '').trim();
      return sql === '' || /^-- This is an empty migration\.?$/.test(sql) ? null : `${sql}\n`;
    } finally {
      engine.free();
    }
  } finally {
    await shadow.close();
  }
}

/** Migration folder name as Prisma writes it: UTC timestamp + snake_case name. */
export function migrationFolderName(name: string, now = new Date()): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!slug) throw new Error('A migration needs a name, e.g. `npm run db:diff -- add_submissions`');
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${stamp}_${slug}`;
}

/** Writes `sql` as a new migration folder (and the provider lock file Prisma keeps beside them). */
export async function writeMigration(name: string, sql: string, paths = defaultMigrationPaths()): Promise<string> {
  const folder = path.join(paths.migrationsDir, migrationFolderName(name));
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'migration.sql'), sql);
  const lock = path.join(paths.migrationsDir, 'migration_lock.toml');
  await readFile(lock).catch(() =>
    writeFile(
      lock,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    ),
  );
  return folder;
}
