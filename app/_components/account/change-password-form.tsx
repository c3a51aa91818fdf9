'use client';
// Password change: the current password and a new one; other sessions are signed out.
import { useId, useState, type FormEvent } from 'react';
import { T } from '../ui/t';
import { changePassword } from './auth-api';
import { authFailure, MAX_PASSWORD, Message, MIN_PASSWORD, type Notice } from './notices';

export function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setNotice(null);
    const r = await changePassword(current, next);
    setBusy(false);
    if (r.ok) {
      setCurrent('');
      setNext('');
      setNotice({ tone: 'ok', text: { en: 'Password changed. Other browsers signed in to this account were signed out.', zh: '密码已修改。其他浏览器上的登录已退出。' } });
    } else {
      const text =
        r.status === 401 || (r.status === 400 && r.code !== 'PASSWORD_TOO_SHORT' && r.code !== 'PASSWORD_TOO_LONG')
          ? { en: 'The current password is not right.', zh: '当前密码不正确。' }
          : authFailure(r);
      setNotice({ tone: 'bad', text });
    }
  };
  return (
    <section className="account-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <T en="Change password" zh="修改密码" />
      </h2>
      <form className="account-form" onSubmit={submit} data-testid="change-password-form">
        <label htmlFor={`${id}-current`}>
          <T en="Current password" zh="当前密码" />
        </label>
        <input id={`${id}-current`} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} data-testid="current-password" />
        <label htmlFor={`${id}-new`}>
          <T en={`New password (at least ${MIN_PASSWORD} characters)`} zh={`新密码（至少 ${MIN_PASSWORD} 个字符）`} />
        </label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          maxLength={MAX_PASSWORD}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          data-testid="new-password"
        />
        <button type="submit" className="button" disabled={busy} data-testid="change-password-submit">
          <T en="Change password" zh="修改密码" />
        </button>
        <Message notice={notice} testId="change-password-message" />
      </form>
    </section>
  );
}
