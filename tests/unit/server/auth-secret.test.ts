// The cookie-signing secret: the environment's when given, else one random secret made once and reused.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authSecret } from '@/lib/server/auth-secret';

describe('authSecret', () => {
  it('uses BETTER_AUTH_SECRET when it is set and writes nothing', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'secret-')), 'auth-secret');
    expect(authSecret('x'.repeat(40), file)).toBe('x'.repeat(40));
    expect(() => statSync(file)).toThrow();
  });

  it('makes a random secret once, private to the owner, and returns the same one afterwards', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'secret-')), 'nested', 'auth-secret');
    const first = authSecret(undefined, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(authSecret(undefined, file)).toBe(first);
    expect(readFileSync(file, 'utf8')).toBe(first);
    const other = path.join(mkdtempSync(path.join(tmpdir(), 'secret-')), 'auth-secret');
    expect(authSecret(undefined, other)).not.toBe(first);
  });
});
