// What the repositories share: the Prisma client type they take (a transaction or the client itself)
// and how a multi-statement write runs as one transaction (no partial writes).
import type { Prisma, PrismaClient } from './generated/prisma/client';

/** The client or an open transaction: every repository function accepts either. */
export type DbClient = Prisma.TransactionClient;

/**
 * Runs `work` in one transaction. Generous waits: the embedded database serves one transaction at a
 * time, so a burst of requests queues here instead of failing.
 */
export function inTransaction<T>(prisma: PrismaClient, work: (tx: DbClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(work, { maxWait: 30_000, timeout: 60_000 });
}
