'use client';
// What the account cards share: bilingual notices, the one message for failed credentials (never
// telling whether an email has an account), the 429 countdown and the password limits.
import { useEffect, useState } from 'react';
import { T } from '../ui/t';
import type { AuthOutcome } from './auth-api';

export type Text = { en: string; zh: string };
export type Notice = { tone: 'ok' | 'bad'; text: Text } | null;

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 128;

export const NETWORK: Text = { en: 'Could not reach the server. Check your connection and try again.', zh: '无法连接服务器，请检查网络后重试。' };
const WRONG_CREDENTIALS: Text = {
  en: 'We could not sign you in with this email and password.',
  zh: '无法用这个邮箱和密码登录。',
};

export function tooMany(seconds: number | null): Text {
  const s = seconds ?? 60;
  return { en: `Too many attempts. Try again in ${s} s.`, zh: `尝试次数过多，请 ${s} 秒后再试。` };
}

/** A failed auth call as one message; credentials failures all read the same (no account enumeration). */
export function authFailure(o: Extract<AuthOutcome, { ok: false }>): Text {
  if (o.status === null) return NETWORK;
  if (o.status === 429) return tooMany(o.retryAfterS);
  if (o.code === 'PASSWORD_TOO_SHORT') return { en: `The password needs at least ${MIN_PASSWORD} characters.`, zh: `密码至少需要 ${MIN_PASSWORD} 个字符。` };
  if (o.code === 'PASSWORD_TOO_LONG') return { en: `The password can have at most ${MAX_PASSWORD} characters.`, zh: `密码最多 ${MAX_PASSWORD} 个字符。` };
  if (o.code === 'INVALID_EMAIL') return { en: 'That does not look like an email address.', zh: '这看起来不像邮箱地址。' };
  return WRONG_CREDENTIALS;
}

export function Message({ notice, testId }: { notice: Notice; testId: string }) {
  return (
    <p className={`form-message${notice ? ` form-message-${notice.tone}` : ''}`} role={notice?.tone === 'bad' ? 'alert' : 'status'} data-testid={testId} data-tone={notice?.tone ?? ''}>
      {notice && <T {...notice.text} />}
    </p>
  );
}

/** Seconds left before another attempt (counts down once a 429 said how long). */
export function useCooldown(): [number, (s: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}
