'use client';
// Progressive hints: each one revealed on request, in order, so a learner takes only as much help as needed.
import { useState } from 'react';
import { T } from '../ui/t';
import type { HintHtml } from '@/lib/content/workspace-files';


export function HintList({ hints }: { hints: HintHtml[] }) {
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <section className="section" aria-labelledby="hints-heading">
      <h2 id="hints-heading">
        <T en="Hints" zh="提示" />
      </h2>
      <ol className="hint-list">
        {hints.slice(0, shown).map((hint, i) => (
          <li key={i} className="hint">
            {(['en', 'zh'] as const).map((lang) => (
              <div key={lang} data-l={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'} className="prose" dangerouslySetInnerHTML={{ __html: hint[lang] }} />
            ))}
          </li>
        ))}
      </ol>
      {shown < hints.length ? (
        <button type="button" className="button" onClick={() => setShown((n) => n + 1)}>
          <T en={`Show hint ${shown + 1} of ${hints.length}`} zh={`显示第 ${shown + 1} 条提示（共 ${hints.length} 条）`} />
        </button>
      ) : (
        <p className="muted">
          <T en="That was the last hint." zh="这是最后一条提示。" />
        </p>
      )}
    </section>
  );
}
