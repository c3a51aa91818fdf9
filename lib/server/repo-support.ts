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

/**
 * Serialises one kind of write of one user for the rest of the transaction (a transaction-scoped
 * PostgreSQL advisory lock). Merges touch many rows: without it, a merge and a submission of the same
 * user could each hold a row the other needs next and deadlock.
 */
export async function lockUser(tx: DbClient, scope: 'account' | 'reviews', userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${scope}:${userId}`}))`;
}
