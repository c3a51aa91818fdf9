// The database layer end to end on the engine this run targets (PGlite, or PostgreSQL via DATABASE_URL):
// migrations apply once with Prisma's bookkeeping, and the generated client reads and writes.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/lib/server/db';
import { applyMigrationsToPglite, applyMigrationsToPostgres } from '@/lib/server/migrate';
import { openPglite } from '@/lib/server/pglite';
import { openScratchDb, type ScratchDb } from './support';

const migrationFolders = readdirSync(path.join('prisma', 'migrations'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

let scratch: ScratchDb;

beforeAll(async () => {
  scratch = await openScratchDb();
});

afterAll(async () => {
  await scratch?.cleanup();
});

describe(`database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('applies every migration folder, in order, on a fresh database', () => {
    expect(migrationFolders.length).toBeGreaterThan(0);
    expect(scratch.applied).toEqual(migrationFolders);
  });

  it("records them in Prisma's _prisma_migrations table with checksums", async () => {
    const rows = await scratch.db.prisma.$queryRaw<{ migration_name: string; checksum: string; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(migrationFolders);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it('creates, reads, updates and deletes through the generated client', async () => {
    const { prisma } = scratch.db;
    const created = await prisma.user.create({ data: { id: 'u1', name: 'Ada', email: 'ada@example.com' } });
    expect(created.emailVerified).toBe(false);
    expect(created.createdAt).toBeInstanceOf(Date);
    await prisma.user.update({ where: { id: 'u1' }, data: { name: 'Ada Lovelace' } });
    await expect(prisma.user.findUnique({ where: { email: 'ada@example.com' } })).resolves.toMatchObject({ name: 'Ada Lovelace' });
    await expect(prisma.user.create({ data: { id: 'u2', name: 'Dup', email: 'ada@example.com' } })).rejects.toThrow(/Unique constraint/);
    await prisma.user.delete({ where: { id: 'u1' } });
    await expect(prisma.user.count()).resolves.toBe(0);
  });

  it('applies nothing the second time', async () => {
    if (scratch.db.target.kind === 'postgres') {
      await expect(applyMigrationsToPostgres(scratch.db.target.url)).resolves.toEqual([]);
    } else {
      // The data folder belongs to one opener at a time: close the client, migrate, reopen.
      const { dataDir } = scratch.db.target;
      await scratch.db.close();
      const migrator = await openPglite(dataDir);
      await expect(applyMigrationsToPglite(migrator.pglite)).resolves.toEqual([]);
      await migrator.close();
      scratch = { ...scratch, db: await openDb({ kind: 'pglite', dataDir }) };
    }
  });
});
