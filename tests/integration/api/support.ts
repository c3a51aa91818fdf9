// Calling the API's route functions as the app does, on a scratch database (PGlite, or PostgreSQL in
// CI), with real better-auth sign-up and sign-in to get session cookies.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createAuth, type Auth } from '@/lib/server/auth';
import type { ApiContext, RouteHandler } from '@/lib/server/http';
import { parseEnv } from '@/lib/env';
import type { SubmissionRecord } from '@/lib/progress/local-store';
import { openScratchDb, type ScratchDb } from '../db/support';

export const origin = 'http://localhost:3000';

export interface ApiHarness {
  scratch: ScratchDb;
  auth: Auth;
  ctx: ApiContext;
  /** Signs a new user up and in; returns the user id and the session cookie. */
  signUp(email: string): Promise<{ id: string; cookie: string }>;
  cleanup(): Promise<void>;
}

let ipCounter = 0;

/** A JSON POST to better-auth's /api/auth/<route> from a client at `ip`, with an optional cookie. */
export function authRequest(auth: Auth, route: string, body: unknown, opts: { ip: string; cookie?: string }): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json', origin, 'x-forwarded-for': opts.ip });
  if (opts.cookie) headers.set('cookie', opts.cookie);
  return auth.handler(new Request(`${origin}/api/auth/${route}`, { method: 'POST', headers, body: JSON.stringify(body) }));
}

/** The session cookie a sign-in response sets, as a Cookie header value. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.includes('session_token='));
  expect(set, 'a session cookie is set').toBeDefined();
  return set!.split(';')[0];
}

export async function openHarness(now?: () => Date): Promise<ApiHarness> {
  const scratch = await openScratchDb();
  const auth = createAuth(scratch.db, parseEnv({ BETTER_AUTH_SECRET: 'test-secret-test-secret-test-secret-0123', PORT: '3000', NODE_ENV: 'test' }));
  const ctx: ApiContext = { db: scratch.db, auth, now };
  return {
    scratch,
    auth,
    ctx,
    async signUp(email) {
      const ip = `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
      const password = 'a long enough password';
      expect((await authRequest(auth, 'sign-up/email', { email, password, name: email.split('@')[0] }, { ip })).status).toBe(200);
      const signIn = await authRequest(auth, 'sign-in/email', { email, password }, { ip });
      expect(signIn.status).toBe(200);
      const cookie = sessionCookie(signIn);
      const { user } = (await signIn.json()) as { user: { id: string } };
      return { id: user.id, cookie };
    },
    cleanup: () => scratch.cleanup(),
  };
}

export interface CallOptions {
  method?: string;
  path?: string;
  cookie?: string;
  /** A JSON value, or a raw string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls a route function with a request built like the browser's. */
export function call<P>(h: ApiHarness, route: RouteHandler<P>, params: P, opts: CallOptions = {}): Promise<Response> {
  const headers = new Headers({ origin, ...opts.headers });
  if (opts.cookie) headers.set('cookie', opts.cookie);
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers.set('content-type', 'application/json');
  }
  const method = opts.method ?? (body === undefined ? 'GET' : 'POST');
  return route(new Request(`${origin}${opts.path ?? '/api/test'}`, { method, headers, body }), h.ctx, params);
}

/** A valid submission record; override any field. */
export function submission(over: Partial<SubmissionRecord> = {}): SubmissionRecord {
  return {
    clientId: randomUUID(),
    exerciseId: '01-lstm-cell-step',
    kind: 'submit',
    verdict: 'pass',
    code: 'export function lstmCellStep() {}',
    result: { verdict: 'pass', tests: [{ name: 'shape', status: 'pass' }] },
    graderVersion: '1.1.0',
    backend: 'wasm',
    durationMs: 120,
    at: '2026-12-01T10:00:00.000Z',
    ...over,
  };
}
