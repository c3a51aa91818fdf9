// Accounts end to end through better-auth's HTTP handler on a scratch database (PGlite, or PostgreSQL
// in CI): sign-up without account enumeration, sign-in, sessions, rate limits stored in the database,
// password change, and account deletion that takes the learner's data with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_ATTEMPTS_PER_MINUTE, type Auth } from '@/lib/server/auth';
import { sessionUser } from '@/lib/server/session';
import { SIGN_IN_ATTEMPTS_PER_ACCOUNT } from '@/lib/server/sign-in-throttle';
import { authRequest, openHarness, origin, sessionCookie, type ApiHarness } from '../api/support';

let h: ApiHarness;
let auth: Auth;

beforeAll(async () => {
  h = await openHarness();
  auth = h.auth;
});

afterAll(async () => {
  await h?.cleanup();
});

/** A JSON request to /api/auth/<route> from a client at `ip` (default one address), with an optional cookie. */
const call = (route: string, body: unknown, opts: { ip?: string; cookie?: string } = {}) => authRequest(auth, route, body, { ip: opts.ip ?? '203.0.113.1', cookie: opts.cookie });

describe('accounts (better-auth on our database)', () => {
  it('signs up, then signs in with an HttpOnly SameSite session cookie stored in the database', async () => {
    const up = await call('sign-up/email', { email: 'ada@example.com', password: 'correct horse', name: 'Ada' });
    expect(up.status).toBe(200);
    const signIn = await call('sign-in/email', { email: 'ada@example.com', password: 'correct horse' });
    expect(signIn.status).toBe(200);
    const raw = signIn.headers.getSetCookie().find((c) => c.includes('session_token='))!;
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).not.toMatch(/Secure/i); // http://localhost; Secure when BETTER_AUTH_URL is https
    const user = await sessionUser(new Headers({ cookie: sessionCookie(signIn) }), auth);
    expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    await expect(h.scratch.db.prisma.session.count({ where: { userId: user!.id } })).resolves.toBe(1);
  });

  it('stores a memory-hard hash, never the password', async () => {
    const account = await h.scratch.db.prisma.account.findFirstOrThrow({ where: { user: { email: 'ada@example.com' } } });
    expect(account.providerId).toBe('credential');
    expect(account.password).not.toContain('correct horse');
    expect(account.password).toMatch(/^[0-9a-f]{32}:[0-9a-f]{128}$/); // scrypt salt:key
  });

  it('answers sign-up the same whether or not the email is taken', async () => {
    const fresh = await call('sign-up/email', { email: 'new@example.com', password: 'another pass', name: 'New' }, { ip: '203.0.113.2' });
    const taken = await call('sign-up/email', { email: 'ada@example.com', password: 'another pass', name: 'Ada' }, { ip: '203.0.113.2' });
    expect(taken.status).toBe(fresh.status);
    const shape = (b: { token: unknown; user: Record<string, unknown> }) => ({ token: b.token, keys: Object.keys(b.user).sort() });
    expect(shape(await taken.json())).toEqual(shape(await fresh.json()));
    await expect(h.scratch.db.prisma.user.count({ where: { email: 'ada@example.com' } })).resolves.toBe(1);
  });

  it('gives one message for a wrong password and for an unknown email', async () => {
    const wrong = await call('sign-in/email', { email: 'ada@example.com', password: 'wrong password' }, { ip: '203.0.113.3' });
    const unknown = await call('sign-in/email', { email: 'nobody@example.com', password: 'wrong password' }, { ip: '203.0.113.3' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it('limits sign-in attempts per address, counted in the database', async () => {
    const ip = '198.51.100.7';
    const statuses: number[] = [];
    for (let i = 0; i <= AUTH_ATTEMPTS_PER_MINUTE; i++) {
      statuses.push((await call('sign-in/email', { email: 'ada@example.com', password: 'guess ' + i }, { ip })).status);
    }
    expect(statuses.slice(0, AUTH_ATTEMPTS_PER_MINUTE).every((s) => s === 401)).toBe(true);
    const limited = await call('sign-in/email', { email: 'ada@example.com', password: 'correct horse' }, { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('x-retry-after'))).toBeGreaterThan(0);
    const rows = await h.scratch.db.prisma.rateLimit.findMany({ where: { key: { contains: ip } } });
    expect(rows.length).toBe(1);
    // another address is not affected
    expect((await call('sign-in/email', { email: 'ada@example.com', password: 'correct horse' }, { ip: '198.51.100.8' })).status).toBe(200);
  });

  it('never limits reading the session (every page load does it)', async () => {
    const headers = new Headers({ origin, 'x-forwarded-for': '198.51.100.99' });
    const statuses = new Set<number>();
    for (let i = 0; i < 320; i++) statuses.add((await auth.handler(new Request(`${origin}/api/auth/get-session`, { headers }))).status);
    expect([...statuses]).toEqual([200]);
  });

  it('limits sign-in attempts per account too, whatever address the client claims', async () => {
    await call('sign-up/email', { email: 'target@example.com', password: 'the right one', name: 'T' }, { ip: '192.0.2.50' });
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_ACCOUNT; i++) {
      const res = await call('sign-in/email', { email: 'Target@example.com', password: `guess ${i}` }, { ip: `10.9.${i >> 8}.${i & 255}` });
      expect(res.status).toBe(401);
    }
    const blocked = await call('sign-in/email', { email: 'target@example.com', password: 'the right one' }, { ip: '10.200.0.1' });
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/^Too many sign-in attempts\. Try again in \d+ s\.$/);
    // another account is not affected
    expect((await call('sign-in/email', { email: 'ada@example.com', password: 'correct horse' }, { ip: '10.200.0.2' })).status).toBe(200);
  });

  it('changes the password: the old one stops working', async () => {
    const ip = '192.0.2.10';
    const cookie = sessionCookie(await call('sign-in/email', { email: 'ada@example.com', password: 'correct horse' }, { ip }));
    const changed = await call('change-password', { currentPassword: 'correct horse', newPassword: 'battery staple', revokeOtherSessions: true }, { ip, cookie });
    expect(changed.status).toBe(200);
    expect((await call('sign-in/email', { email: 'ada@example.com', password: 'correct horse' }, { ip })).status).toBe(401);
    expect((await call('sign-in/email', { email: 'ada@example.com', password: 'battery staple' }, { ip })).status).toBe(200);
  });

  it('deletes the account with its sessions and data; the cookie stops working', async () => {
    const ip = '192.0.2.11';
    await call('sign-up/email', { email: 'gone@example.com', password: 'short-lived', name: 'Gone' }, { ip });
    const cookie = sessionCookie(await call('sign-in/email', { email: 'gone@example.com', password: 'short-lived' }, { ip }));
    const user = (await sessionUser(new Headers({ cookie }), auth))!;
    await h.scratch.db.prisma.draft.create({ data: { userId: user.id, exerciseId: '01-lstm-cell-forward', code: 'x', savedAt: new Date() } });
    const deleted = await call('delete-user', { password: 'short-lived' }, { ip, cookie });
    expect(deleted.status).toBe(200);
    await expect(h.scratch.db.prisma.user.count({ where: { id: user.id } })).resolves.toBe(0);
    await expect(h.scratch.db.prisma.draft.count({ where: { userId: user.id } })).resolves.toBe(0);
    await expect(h.scratch.db.prisma.session.count({ where: { userId: user.id } })).resolves.toBe(0);
    await expect(sessionUser(new Headers({ cookie }), auth)).resolves.toBeNull();
  });
});
