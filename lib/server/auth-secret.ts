// The secret that signs session cookies: BETTER_AUTH_SECRET when set (several instances must share
// it), else a random one made once and kept beside the embedded database, so `npm start` on a fresh
// machine needs no setup and sessions survive a restart.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function authSecret(envSecret: string | undefined, file = path.resolve('.data', 'auth-secret')): string {
  if (envSecret) return envSecret;
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  } catch {
    /* not made yet */
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx' fails if another process made it meanwhile: then use theirs.
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
