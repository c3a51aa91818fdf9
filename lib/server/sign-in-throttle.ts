// Sign-in attempts per account, counted in the database next to better-auth's per-address limits.
// The per-address limit alone can be dodged: `next start` keeps a client's own X-Forwarded-For when
// no proxy overwrites it, so a guesser could claim a new address per request. Counting by the email
// being tried caps guesses against one account whatever address they claim to come from.
import { createHash, randomUUID } from 'node:crypto';
import type { PrismaClient } from './generated/prisma/client';

export const SIGN_IN_ATTEMPTS_PER_ACCOUNT = 20;
export const SIGN_IN_ACCOUNT_WINDOW_S = 15 * 60;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterS: number };

/** Records one sign-in attempt for `email` (atomically, in one statement) and says whether it may go on. */
export async function consumeSignInAttempt(prisma: PrismaClient, email: string, now = Date.now()): Promise<ThrottleDecision> {
  const key = `sign-in-account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
  const windowStart = BigInt(now - SIGN_IN_ACCOUNT_WINDOW_S * 1000);
  const [row] = await prisma.$queryRaw<{ count: number; lastRequest: bigint }[]>`
    INSERT INTO "rateLimit" ("id", "key", "count", "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rateLimit"."lastRequest" < ${windowStart} THEN 1 ELSE "rateLimit"."count" + 1 END,
      "lastRequest" = CASE WHEN "rateLimit"."lastRequest" < ${windowStart} THEN ${BigInt(now)} ELSE "rateLimit"."lastRequest" END
    RETURNING "count", "lastRequest"`;
  if (row.count <= SIGN_IN_ATTEMPTS_PER_ACCOUNT) return { allowed: true };
  const windowEnds = Number(row.lastRequest) + SIGN_IN_ACCOUNT_WINDOW_S * 1000;
  return { allowed: false, retryAfterS: Math.max(1, Math.ceil((windowEnds - now) / 1000)) };
}
