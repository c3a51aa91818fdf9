// Accounts with better-auth: email + password, sessions in the database (HttpOnly, SameSite=Lax
// cookies; Secure when the app is served over https), scrypt password hashing (better-auth's default,
// memory-hard), sign-in / sign-up rate limits per address and sign-in attempts per account, counted
// in the database so that every instance shares them, password change, and account deletion (the learner's rows go with the user: ON DELETE CASCADE).
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { parseEnv, type Env } from '../env';
import { authSecret } from './auth-secret';
import { getDb, type Db } from './db';
import { consumeSignInAttempt } from './sign-in-throttle';

/** Sign-in and sign-up attempts allowed per client address and minute (then 429 with Retry-After). */
export const AUTH_ATTEMPTS_PER_MINUTE = 10;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

function baseUrl(env: Env) {
  if (env.BETTER_AUTH_URL) return env.BETTER_AUTH_URL;
  // Local use: the app answers on localhost and 127.0.0.1 alike.
  return {
    allowedHosts: [`localhost:${env.PORT}`, `127.0.0.1:${env.PORT}`, `${env.HOSTNAME}:${env.PORT}`],
    fallback: `http://localhost:${env.PORT}`,
    protocol: 'http' as const,
  };
}

export function createAuth(db: Db, env: Env = parseEnv()) {
  const attempts = { window: 60, max: AUTH_ATTEMPTS_PER_MINUTE };
  return betterAuth({
    appName: 'LSTM Prep',
    secret: authSecret(env.BETTER_AUTH_SECRET),
    baseURL: baseUrl(env),
    database: prismaAdapter(db.prisma, { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // Sign-up answers the same whether or not the email is taken (no account enumeration); the
      // client then signs in, which fails with the same message for a wrong password or no account.
      autoSignIn: false,
    },
    user: { deleteUser: { enabled: true } },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      // Reading the session happens on every page load: never limited (a class behind one NAT address
      // loads many pages a minute); attempts at credentials are.
      customRules: { '/get-session': false, '/sign-in/email': attempts, '/sign-up/email': attempts, '/change-password': attempts },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email' || typeof ctx.body?.email !== 'string') return;
        const decision = await consumeSignInAttempt(db.prisma, ctx.body.email);
        if (!decision.allowed) {
          throw new APIError('TOO_MANY_REQUESTS', { message: `Too many sign-in attempts. Try again in ${decision.retryAfterS} s.` }, { 'X-Retry-After': String(decision.retryAfterS) });
        }
      }),
    },
    telemetry: { enabled: false },
    // Failed sign-ins are expected in the tests; elsewhere they are worth a warning in the log.
    logger: { level: env.NODE_ENV === 'test' ? 'error' : 'warn' },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as typeof globalThis & { __lstmPrepAuth?: Promise<Auth> };

/** This process's auth, on this process's database. */
export function getAuth(): Promise<Auth> {
  holder.__lstmPrepAuth ??= getDb().then((db) => createAuth(db));
  return holder.__lstmPrepAuth;
}
