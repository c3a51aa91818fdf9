// Bilingual interface text: both languages are rendered and CSS shows the one matching <html data-lang>,
// so static pages switch language instantly, without a round trip or a flash.
import type { ReactNode } from 'react';

export function T({ en, zh }: { en: ReactNode; zh: ReactNode }) {
  return (
    <>
      <span data-l="en" lang="en">
        {en}
      </span>
      <span data-l="zh" lang="zh-CN">
        {zh}
      </span>
    </>
  );
}
