// The site header: brand, the five sections, the theme / language switches and the account.
import Link from 'next/link';
import { AccountLink } from './account-link';
import { NavLinks } from './nav-links';
import { PreferenceControls } from './preference-controls';
import { T } from './t';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◧
          </span>
          LSTM Prep
        </Link>
        <nav aria-label="Main">
          <NavLinks
            items={[
              { href: '/questions', label: <T en="Questions" zh="面试题" /> },
              { href: '/exercises', label: <T en="Exercises" zh="练习" /> },
              { href: '/lab', label: <T en="Lab" zh="实验室" /> },
              { href: '/review', label: <T en="Review" zh="复习" /> },
              { href: '/progress', label: <T en="Progress" zh="进度" /> },
            ]}
          />
        </nav>
        <PreferenceControls />
        <AccountLink />
      </div>
    </header>
  );
}
