'use client';
// /questions' list with the learner's status per question and a search box over titles and answers in
// both languages. The text index is fetched only when the learner starts searching.
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { QuestionFrontmatter, QuestionGroup } from '@/lib/content/schema';
import { questionStatus, type QuestionStatus } from '@/lib/progress/review-schedule';
import { difficultyLabel, groupLabel, questionStatusLabel } from '../catalogue/labels';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';
import { usePreferences } from '../ui/use-preferences';

type Item = Pick<QuestionFrontmatter, 'id' | 'order' | 'title' | 'group' | 'difficulty' | 'tags'>;
interface SearchEntry {
  id: string;
  en: string;
  zh: string;
}

export function QuestionBrowser({ questions, groups }: { questions: Item[]; groups: QuestionGroup[] }) {
  const { lang } = usePreferences();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<SearchEntry[] | null>(null);
  const [indexError, setIndexError] = useState(false);
  const [progress] = useLocalProgress();
  const statuses = useMemo<Record<string, QuestionStatus>>(() => {
    if (!progress) return {};
    const now = new Date();
    return Object.fromEntries(questions.map((q) => [q.id, questionStatus(progress.questionRatings[q.id] ?? [], now)]));
  }, [progress, questions]);

  const loadIndex = () => {
    if (index || indexError) return;
    fetch('/questions/search-index.json')
      .then((r) => (r.ok ? (r.json() as Promise<SearchEntry[]>) : Promise.reject(new Error(String(r.status)))))
      .then(setIndex, () => setIndexError(true));
  };

  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const visible = useMemo(() => {
    if (terms.length === 0) return questions;
    const byId = new Map(index?.map((e) => [e.id, `${e.en} ${e.zh}`]));
    return questions.filter((q) => {
      const haystack = byId.get(q.id) ?? `${q.title.en} ${q.title.zh} ${q.tags.join(' ')}`.toLowerCase();
      return terms.every((t) => haystack.includes(t));
    });
  }, [questions, index, terms]);

  return (
    <>
      <div className="search">
        <label htmlFor="question-search" className="search-label">
          <T en="Search questions and answers (English or 中文)" zh="搜索题目和答案（中文或英文）" />
        </label>
        <input
          id="question-search"
          type="search"
          className="search-input"
          value={query}
          onFocus={loadIndex}
          onChange={(e) => {
            loadIndex();
            setQuery(e.target.value);
          }}
          placeholder={lang === 'zh' ? '例如：遗忘门、clipping' : 'e.g. forget gate, 梯度裁剪'}
          data-testid="question-search"
        />
        <p className="meta" aria-live="polite" data-testid="search-count">
          {terms.length > 0 &&
            (lang === 'zh' ? `找到 ${visible.length} 道题` : `${visible.length} question${visible.length === 1 ? '' : 's'} found`)}
          {terms.length > 0 && !index && !indexError && (lang === 'zh' ? '（正在载入全文索引…）' : ' (loading the full-text index…)')}
          {indexError && (lang === 'zh' ? '（全文索引载入失败，仅搜索标题）' : ' (full-text index unavailable: searching titles only)')}
        </p>
      </div>
      {groups.map((group) => {
        const items = visible.filter((q) => q.group === group);
        if (items.length === 0) return null;
        return (
          <section key={group} className="section" aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`}>
              <T {...groupLabel[group]} />
            </h2>
            <ol className="card-list" data-testid="question-list">
              {items.map((q) => {
                const status = statuses[q.id];
                return (
                  <li key={q.id} className="card" data-question={q.id}>
                    <Link href={`/questions/${q.id}`}>
                      {String(q.order).padStart(2, '0')}. <T en={q.title.en} zh={q.title.zh} />
                    </Link>
                    <span className="meta">
                      <span className={`badge badge-${q.difficulty}`}>
                        <T {...difficultyLabel[q.difficulty]} />
                      </span>
                      {status && (
                        <span className={`badge status-${status}`} data-testid="question-status">
                          <T {...questionStatusLabel[status]} />
                        </span>
                      )}
                      {q.tags.map((tag) => (
                        <span key={tag}>#{tag}</span>
                      ))}
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
      {visible.length === 0 && (
        <p className="empty-state" data-testid="search-empty">
          <T en="No question matches your search." zh="没有符合搜索条件的题目。" />
        </p>
      )}
    </>
  );
}
