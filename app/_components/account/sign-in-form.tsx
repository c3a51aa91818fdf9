'use client';
// One form to sign in or create an account; sign-up then signs in. Failures read the same whether or not
// the email has an account; a 429 counts down before the next attempt.
import { useId, useState, type FormEvent } from 'react';
import { refreshAccount } from '../ui/account';
import { afterAccountChange } from '../ui/sync-runtime';
import { T } from '../ui/t';
import { signIn, signUp, type AuthOutcome } from './auth-api';
import { authFailure, MAX_PASSWORD, Message, MIN_PASSWORD, tooMany, useCooldown, type Notice } from './notices';

export function SignInForm() {
  const [mode, setMode] = useState<'sign-in' | 'sign-up'>('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [cooldown, setCooldown] = useCooldown();
  const id = useId();

  const fail = (o: Extract<AuthOutcome, { ok: false }>) => {
    if (o.status === 429) setCooldown(o.retryAfterS ?? 60);
    setNotice({ tone: 'bad', text: authFailure(o) });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || cooldown > 0) return;
    setBusy(true);
    setNotice(null);
    try {
      if (mode === 'sign-up') {
        const up = await signUp(email.trim(), password);
        if (!up.ok) return fail(up);
      }
      const signedIn = await signIn(email.trim(), password);
      if (!signedIn.ok) return fail(signedIn);
      setPassword('');
      await refreshAccount();
      await afterAccountChange(); // a guest's progress joins the account here
    } finally {
      setBusy(false);
    }
  };

  const signingUp = mode === 'sign-up';
  return (
    <section className="account-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{signingUp ? <T en="Create an account" zh="创建账户" /> : <T en="Sign in" zh="登录" />}</h2>
      <p className="muted">
        <T
          en="Everything works without an account; signing in keeps your progress in sync across browsers. What you did here as a guest is added to your account."
          zh="不登录也能使用全部功能；登录后进度会在不同浏览器之间同步。你以访客身份留下的进度会并入账户。"
        />
      </p>
      <div className="segmented" role="group" aria-label="Sign in or create an account">
        <button type="button" className="button" aria-pressed={!signingUp} onClick={() => setMode('sign-in')} data-testid="mode-sign-in">
          <T en="I have an account" zh="我有账户" />
        </button>
        <button type="button" className="button" aria-pressed={signingUp} onClick={() => setMode('sign-up')} data-testid="mode-sign-up">
          <T en="I am new here" zh="我是新用户" />
        </button>
      </div>
      <form className="account-form" onSubmit={submit} data-testid="auth-form" data-mode={mode}>
        <label htmlFor={`${id}-email`}>
          <T en="Email" zh="邮箱" />
        </label>
        <input id={`${id}-email`} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="auth-email" />
        <label htmlFor={`${id}-password`}>
          <T en="Password" zh="密码" />
          {signingUp && (
            <span className="muted">
              {' '}
              <T en={`(at least ${MIN_PASSWORD} characters)`} zh={`（至少 ${MIN_PASSWORD} 个字符）`} />
            </span>
          )}
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete={signingUp ? 'new-password' : 'current-password'}
          required
          minLength={signingUp ? MIN_PASSWORD : undefined}
          maxLength={MAX_PASSWORD}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="auth-password"
        />
        <button type="submit" className="button button-primary" disabled={busy || cooldown > 0} data-testid="auth-submit">
          {busy ? <T en="One moment…" zh="请稍候…" /> : signingUp ? <T en="Create account" zh="创建账户" /> : <T en="Sign in" zh="登录" />}
        </button>
        <Message notice={cooldown > 0 ? { tone: 'bad', text: tooMany(cooldown) } : notice} testId="auth-message" />
      </form>
    </section>
  );
}
