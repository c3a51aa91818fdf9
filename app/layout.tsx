// The root layout: theme and language applied before first paint, header, main content, footer.
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/app/_components/ui/site-header';
import { T } from '@/app/_components/ui/t';
import { preferencesBootScript } from '@/lib/progress/preferences';
import 'katex/dist/katex.min.css';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'LSTM Prep', template: '%s · LSTM Prep' },
  description: 'Prepare for machine-learning interviews about LSTMs: read, solve, track.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f4f6f8' },
    { media: '(prefers-color-scheme: dark)', color: '#182026' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" data-lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: preferencesBootScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          <T en="Skip to content" zh="跳到正文" />
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <T
            en="LSTM Prep — answers you can defend, exercises graded against a tested reference."
            zh="LSTM Prep —— 经得起追问的答案，对照经过验证的参考实现评分的练习。"
          />
        </footer>
      </body>
    </html>
  );
}
