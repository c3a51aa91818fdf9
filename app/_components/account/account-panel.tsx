'use client';
// /account: the sign-in form for guests; once signed in, the email and sync state, sign-out, and the
// cards for password change, export / import and deletion.
import { useEffect, useState } from 'react';
import { isDirty } from '@/lib/progress/sync';
import { setAccountState, refreshAccount, useAccount, type AccountUser } from '../ui/account';
import { afterAccountChange, flushChanges, forgetLocalAccount, resync, useSyncStatus } from '../ui/sync-runtime';
import { T } from '../ui/t';
import { signOut } from './auth-api';
import { ChangePasswordForm } from './change-password-form';
import { DataCard } from './data-card';
import { DeleteCard } from './delete-card';
import { authFailure, Message, NETWORK, type Notice, type Text } from './notices';
import { SignInForm } from './sign-in-form';

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
