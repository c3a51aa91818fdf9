'use client';
// /account: one form to sign in or create an account (messages never tell whether an email has an
// account), and once signed in: the email, sign out, password change, export / import, deletion.
import { useEffect, useId, useState, type FormEvent } from 'react';
import * as z from 'zod/mini';
import { isDirty } from '@/lib/progress/sync';
import { setAccountState, refreshAccount, useAccount, type AccountUser } from '../ui/account';
import { afterAccountChange, flushChanges, forgetLocalAccount, resync, useSyncStatus } from '../ui/sync-runtime';
import { T } from '../ui/t';
import { changePassword, deleteUser, signIn, signOut, signUp, type AuthOutcome } from './auth-api';

type Text = { en: string; zh: string };
type Notice = { tone: 'ok' | 'bad'; text: Text } | null;

const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;
const IMPORT_MAX_BYTES = 16 * 1024 * 1024;
const count = z.number().check(z.int(), z.nonnegative());
/** POST /api/import's answer: how many rows were actually added or changed. */
const importReplySchema = z.object({ imported: z.object({ submissions: count, drafts: count, notes: count, ratings: count }) });

const NETWORK: Text = { en: 'Could not reach the server. Check your connection and try again.', zh: '无法连接服务器，请检查网络后重试。' };
const WRONG_CREDENTIALS: Text = {
  en: 'We could not sign you in with this email and password.',
  zh: '无法用这个邮箱和密码登录。',
};

function tooMany(seconds: number | null): Text {
  const s = seconds ?? 60;
  return { en: `Too many attempts. Try again in ${s} s.`, zh: `尝试次数过多，请 ${s} 秒后再试。` };
}

/** A failed auth call as one message; credentials failures all read the same (no account enumeration). */
function authFailure(o: Extract<AuthOutcome, { ok: false }>): Text {
  if (o.status === null) return NETWORK;
  if (o.status === 429) return tooMany(o.retryAfterS);
  if (o.code === 'PASSWORD_TOO_SHORT') return { en: `The password needs at least ${MIN_PASSWORD} characters.`, zh: `密码至少需要 ${MIN_PASSWORD} 个字符。` };
  if (o.code === 'PASSWORD_TOO_LONG') return { en: `The password can have at most ${MAX_PASSWORD} characters.`, zh: `密码最多 ${MAX_PASSWORD} 个字符。` };
  if (o.code === 'INVALID_EMAIL') return { en: 'That does not look like an email address.', zh: '这看起来不像邮箱地址。' };
  return WRONG_CREDENTIALS;
}

function Message({ notice, testId }: { notice: Notice; testId: string }) {
  return (
    <p className={`form-message${notice ? ` form-message-${notice.tone}` : ''}`} role={notice?.tone === 'bad' ? 'alert' : 'status'} data-testid={testId} data-tone={notice?.tone ?? ''}>
      {notice && <T {...notice.text} />}
    </p>
  );
}

/** Seconds left before another attempt (counts down once a 429 said how long). */
function useCooldown(): [number, (s: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

function SignInForm() {
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

function ChangePasswordForm() {
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

/** The error text of a JSON API answer ({ error }), else a generic one. */
async function apiError(res: Response): Promise<Text> {
  if (res.status === 413) return { en: 'The file is too large to import.', zh: '文件太大，无法导入。' };
  if (res.status === 401) return { en: 'Sign in to sync your progress.', zh: '请登录以同步进度。' };
  const body: unknown = await res.json().catch(() => null);
  const error = body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
  return { en: error, zh: `出错了：${error}` };
}

function DataCard({ user }: { user: AccountUser }) {
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const exportData = async () => {
    setNotice(null);
    setBusy(true);
    try {
      await flushChanges();
      const res = await fetch('/api/export', { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) return setNotice({ tone: 'bad', text: await apiError(res) });
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `lstm-prep-export-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNotice({ tone: 'ok', text: { en: 'Your data was downloaded as JSON.', zh: '你的数据已下载为 JSON 文件。' } });
    } catch {
      setNotice({ tone: 'bad', text: NETWORK });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    if (file.size > IMPORT_MAX_BYTES) return setNotice({ tone: 'bad', text: { en: 'The file is too large to import (16 MB at most).', zh: '文件太大，无法导入（最多 16 MB）。' } });
    const text = await file.text();
    try {
      JSON.parse(text);
    } catch {
      return setNotice({ tone: 'bad', text: { en: 'This file is not JSON: choose a file exported from LSTM Prep.', zh: '这不是 JSON 文件：请选择从 LSTM Prep 导出的文件。' } });
    }
    setBusy(true);
    try {
      const res = await fetch('/api/import', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: text });
      if (!res.ok) return setNotice({ tone: 'bad', text: await apiError(res) });
      const reply = importReplySchema.safeParse(await res.json().catch(() => null));
      const counts = reply.success ? reply.data.imported : { submissions: 0, drafts: 0, notes: 0, ratings: 0 };
      const n = (k: keyof typeof counts) => counts[k];
      setNotice({
        tone: 'ok',
        text: {
          en: `Imported: ${n('submissions')} submissions, ${n('drafts')} drafts, ${n('notes')} notes, ${n('ratings')} ratings.`,
          zh: `已导入：${n('submissions')} 次提交、${n('drafts')} 份草稿、${n('notes')} 条笔记、${n('ratings')} 次自评。`,
        },
      });
      await resync(user);
    } catch {
      setNotice({ tone: 'bad', text: NETWORK });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="account-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <T en="Your data" zh="你的数据" />
      </h2>
      <p className="muted">
        <T
          en="Export everything (submissions with their code, drafts, notes, ratings) as one JSON file; import such a file back here or into another account — nothing is counted twice."
          zh="把所有数据（提交及其代码、草稿、笔记、自评）导出为一个 JSON 文件；也可以把这样的文件导入回来或导入另一个账户——不会重复计数。"
        />
      </p>
      <div className="account-actions">
        <button type="button" className="button" onClick={exportData} disabled={busy} data-testid="export-data">
          <T en="Export my data" zh="导出我的数据" />
        </button>
        <label className="button file-pick">
          <T en="Import a file…" zh="导入文件…" />
          <input
            className="visually-hidden"
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="import-file"
          />
        </label>
      </div>
      <Message notice={notice} testId="data-message" />
    </section>
  );
}

function DeleteCard({ user, onDeleted }: { user: AccountUser; onDeleted: () => void }) {
  const [typed, setTyped] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const id = useId();
  const confirmed = typed.trim().toLowerCase() === user.email.toLowerCase();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!confirmed) return;
    setBusy(true);
    setNotice(null);
    const r = await deleteUser(password);
    setBusy(false);
    if (r.ok) return onDeleted();
    setNotice({ tone: 'bad', text: r.status === 400 || r.status === 401 ? { en: 'The password is not right.', zh: '密码不正确。' } : authFailure(r) });
  };
  return (
    <section className="account-card account-danger" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <T en="Delete the account" zh="删除账户" />
      </h2>
      <p>
        <T
          en="This deletes the account and everything stored with it: submissions, drafts, notes and review history. It cannot be undone. Export your data first if you want to keep it."
          zh="这会删除账户及其保存的一切：提交、草稿、笔记和复习记录，且无法恢复。如需保留，请先导出数据。"
        />
      </p>
      <form className="account-form" onSubmit={submit} data-testid="delete-form">
        <label htmlFor={`${id}-confirm`}>
          <T en={`Type your email (${user.email}) to confirm`} zh={`输入你的邮箱（${user.email}）以确认`} />
        </label>
        <input id={`${id}-confirm`} type="text" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-confirm" />
        <label htmlFor={`${id}-password`}>
          <T en="Password" zh="密码" />
        </label>
        <input id={`${id}-password`} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="delete-password" />
        <button type="submit" className="button button-danger" disabled={!confirmed || busy} data-testid="delete-account">
          <T en="Delete my account and data" zh="删除我的账户和数据" />
        </button>
        <Message notice={notice} testId="delete-message" />
      </form>
    </section>
  );
}

const syncText: Record<string, Text> = {
  syncing: { en: 'Syncing your progress…', zh: '正在同步进度…' },
  synced: { en: 'Your progress is saved in your account.', zh: '你的进度已保存在账户中。' },
  offline: { en: 'Some changes are not in your account yet; they will be sent when the server can be reached.', zh: '部分更改尚未同步到账户；能连接服务器时会自动发送。' },
  guest: { en: '', zh: '' },
};

function SignedIn({ user, onNotice }: { user: AccountUser; onNotice: (n: Notice) => void }) {
  const sync = useSyncStatus();
  const [busy, setBusy] = useState(false);
  const doSignOut = async () => {
    setBusy(true);
    onNotice(null);
    try {
      await flushChanges();
      if (isDirty(localStorage)) await resync(user);
      if (
        isDirty(localStorage) &&
        !window.confirm('Some changes have not reached your account and will be lost on this browser. Sign out anyway? / 部分更改尚未同步到账户，退出后将从本浏览器丢失。仍要退出吗？')
      )
        return;
      const r = await signOut();
      if (!r.ok && r.status !== 401) return onNotice({ tone: 'bad', text: authFailure(r) });
      forgetLocalAccount();
      setAccountState({ status: 'guest' });
      onNotice({ tone: 'ok', text: { en: 'Signed out. Your progress stays in your account; this browser no longer shows it.', zh: '已退出。进度保留在账户中，本浏览器不再显示。' } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <section className="account-card" aria-label="Account">
        <p className="account-who">
          <T en="Signed in as" zh="当前账户" /> <strong data-testid="account-email">{user.email}</strong>
        </p>
        <p className="muted" data-testid="sync-status" data-sync={sync}>
          <T {...syncText[sync]} />
        </p>
        <button type="button" className="button" onClick={doSignOut} disabled={busy} data-testid="sign-out">
          <T en="Sign out" zh="退出登录" />
        </button>
      </section>
      <ChangePasswordForm />
      <DataCard user={user} />
      <DeleteCard
        user={user}
        onDeleted={() => {
          forgetLocalAccount();
          setAccountState({ status: 'guest' });
          onNotice({ tone: 'ok', text: { en: 'Your account and all its data were deleted.', zh: '你的账户及其全部数据已删除。' } });
        }}
      />
    </>
  );
}

export function AccountPanel() {
  const account = useAccount();
  const [notice, setNotice] = useState<Notice>(null);
  // This page always asks the server (the header may have skipped it for a browser that never signed in).
  useEffect(() => void refreshAccount().then(afterAccountChange), []);
  return (
    <div className="account" data-testid="account-panel" data-account={account.status}>
      {notice && <Message notice={notice} testId="account-notice" />}
      {account.status === 'loading' && (
        <p className="muted">
          <T en="Checking your account…" zh="正在读取账户…" />
        </p>
      )}
      {account.status === 'unknown' && <Message notice={{ tone: 'bad', text: NETWORK }} testId="account-offline" />}
      {(account.status === 'guest' || account.status === 'unknown') && <SignInForm />}
      {account.status === 'signed-in' && <SignedIn user={account.user} onNotice={setNotice} />}
    </div>
  );
}
