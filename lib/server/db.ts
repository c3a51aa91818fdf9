// The one Prisma client of this process: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set,
// else the embedded PGlite database. Only lib/server imports this; the adapter is chosen here, once.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { databaseTarget, type DatabaseTarget } from '../env';
import { PrismaClient } from './generated/prisma/client';
import { openPglite, type OpenPglite } from './pglite';

export interface Db {
  prisma: PrismaClient;
  target: DatabaseTarget;
  /** Disconnects Prisma and, for PGlite, closes the data folder and releases its lock. */
  close(): Promise<void>;
}

/** Opens a database for `target`. Most code wants `getDb()`; tests open their own. */
export async function openDb(target: DatabaseTarget = databaseTarget()): Promise<Db> {
  if (target.kind === 'postgres') {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return { prisma, target, close: () => prisma.$disconnect() };
  }
  const embedded: OpenPglite = await openPglite(target.dataDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(embedded.pglite) });
  return {
    prisma,
    target,
    async close() {
      await prisma.$disconnect();
      await embedded.close();
    },
  };
}

// Kept on globalThis so `next dev` hot reloads reuse the open database instead of opening it twice.
const holder = globalThis as typeof globalThis & { __lstmPrepDb?: Promise<Db> };

/** This process's database, opened on first use. */
export function getDb(): Promise<Db> {
  holder.__lstmPrepDb ??= openDb().catch((err) => {
    holder.__lstmPrepDb = undefined; // let the next request try again (e.g. after the other process exits)
    throw err;
  });
  return holder.__lstmPrepDb;
}
