'use client';
// Account deletion: the email typed again and the password; everything of the account goes with it.
import { useId, useState, type FormEvent } from 'react';
import type { AccountUser } from '../ui/account';
import { T } from '../ui/t';
import { deleteUser } from './auth-api';
import { authFailure, Message, type Notice } from './notices';

export function DeleteCard({ user, onDeleted }: { user: AccountUser; onDeleted: () => void }) {
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
