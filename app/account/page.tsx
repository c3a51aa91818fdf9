// /account: sign in or create an account; when signed in, the account's settings and data.
import type { Metadata } from 'next';
import { AccountPanel } from '@/app/_components/account/account-panel';
import { T } from '@/app/_components/ui/t';

export const metadata: Metadata = { title: 'Account' };

export default function AccountPage() {
  return (
    <>
      <h1 className="page-title">
        <T en="Account" zh="账户" />
      </h1>
      <AccountPanel />
    </>
  );
}
