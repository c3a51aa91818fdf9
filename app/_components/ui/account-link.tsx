'use client';
// The header's account corner: "Sign in" for a guest, the account's email when signed in, and whether
// the account has everything (data-sync). Starts the page's sync runtime.
import Link from 'next/link';
import { useEffect } from 'react';
import { useAccount } from './account';
import { startSync, useSyncStatus } from './sync-runtime';
import { T } from './t';

const syncTitle = {
  syncing: 'Saving your progress to your account… / 正在同步进度…',
  synced: 'Progress saved to your account / 进度已同步',
  offline: 'Not synced yet: it will be sent when you are back online / 尚未同步：恢复联网后会自动发送',
  guest: '',
};

export function AccountLink() {
  const account = useAccount();
  const sync = useSyncStatus();
  useEffect(() => startSync(), []);
  const signedIn = account.status === 'signed-in';
  return (
    <Link
      href="/account"
      className="account-link"
      data-testid="account-link"
      data-account={account.status}
      data-sync={signedIn ? sync : 'guest'}
      title={signedIn ? syncTitle[sync] : undefined}
    >
      {signedIn ? (
        <>
          <span className={`sync-dot sync-${sync}`} aria-hidden="true" />
          <span className="account-email">{account.user.email}</span>
        </>
      ) : (
        <T en="Sign in" zh="登录" />
      )}
    </Link>
  );
}
