'use client';
// /exercises' catalogue: by track, with difficulty, related questions and this learner's status, and
// filters (status, difficulty) plus a search over titles in both languages.
import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { Track } from '@/lib/content/catalogue';
import type { Difficulty, ExerciseFrontmatter } from '@/lib/content/schema';
import { EXERCISE_STATUSES, exerciseStatus, type ExerciseStatus } from '@/lib/progress/exercise-status';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';
import { usePreferences } from '../ui/use-preferences';
import { difficultyLabel, trackLabel } from './labels';

type Item = Pick<ExerciseFrontmatter, 'id' | 'title' | 'track' | 'difficulty' | 'relatedQuestions'>;

const statusLabel: Record<ExerciseStatus, { en: string; zh: string }> = {
  'not-started': { en: 'Not started', zh: '未开始' },
  attempted: { en: 'Attempted', zh: '尝试过' },
  solved: { en: 'Solved', zh: '已解决' },
};

export function ExerciseBrowser({ exercises, tracks, questionTitles }: { exercises: Item[]; tracks: Track[]; questionTitles: Record<string, { en: string; zh: string }> }) {
  const { lang } = usePreferences();
  const [progress] = useLocalProgress();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<ExerciseStatus | 'all'>('all');
  const [difficulty, setDifficulty] = useState<Difficulty | 'all'>('all');

  const statuses = useMemo(
    () => Object.fromEntries(exercises.map((e) => [e.id, progress ? exerciseStatus(progress, e.id) : undefined])),
    [exercises, progress],
  );
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  const visible = exercises.filter((e) => {
    if (status !== 'all' && statuses[e.id] !== status) return false;
    if (difficulty !== 'all' && e.difficulty !== difficulty) return false;
    const haystack = `${e.id} ${e.title.en} ${e.title.zh}`.toLowerCase();
    return terms.every((t) => haystack.includes(t));
  });

  return (
    <>
      <div className="filters" role="search">
        <label>
          <T en="Search" zh="搜索" />
          <input
            type="search"
            className="search-input"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={lang === 'zh' ? '例如：GRU、反向传播' : 'e.g. GRU, BPTT'}
            data-testid="exercise-search"
          />
        </label>
        <label>
          <T en="Status" zh="状态" />
          <select value={status} onChange={(e) => setStatus(e.target.value as ExerciseStatus | 'all')} data-testid="status-filter">
            <option value="all">{lang === 'zh' ? '全部' : 'All'}</option>
            {EXERCISE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel[s][lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <T en="Difficulty" zh="难度" />
          <select value={difficulty} onChange={(e) => setDifficulty(e.target.value as Difficulty | 'all')} data-testid="difficulty-filter">
            <option value="all">{lang === 'zh' ? '全部' : 'All'}</option>
            {(['easy', 'medium', 'hard'] as const).map((d) => (
              <option key={d} value={d}>
                {difficultyLabel[d][lang]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {tracks.map((track) => {
        const items = visible.filter((e) => e.track === track);
        if (items.length === 0) return null;
        return (
          <section key={track} className="section" aria-labelledby={`track-${track}`}>
            <h2 id={`track-${track}`}>
              <T {...trackLabel[track]} />
            </h2>
            <ol className="card-list" data-testid="exercise-list">
              {items.map((e) => {
                const s = statuses[e.id];
                return (
                  <li key={e.id} className="card" data-exercise={e.id}>
                    <Link href={`/exercises/${e.id}`}>
                      {e.id.slice(0, 2)}. <T en={e.title.en} zh={e.title.zh} />
                    </Link>
                    <span className="meta">
                      <span className={`badge badge-${e.difficulty}`}>
                        <T {...difficultyLabel[e.difficulty]} />
                      </span>
                      {s && (
                        <span className={`badge exercise-status-${s}`} data-testid="exercise-status">
                          <T {...statusLabel[s]} />
                        </span>
                      )}
                    </span>
                    {e.relatedQuestions.length > 0 && (
                      <span className="meta">
                        <T en="Related:" zh="相关题目：" />
                        {e.relatedQuestions.map((q) => (
                          <Link key={q} href={`/questions/${q}`} className="related-question" title={questionTitles[q]?.[lang]}>
                            Q{q.slice(0, 2)}
                          </Link>
                        ))}
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
      {visible.length === 0 && (
        <p className="empty-state" data-testid="exercise-filter-empty">
          <T en="No exercise matches these filters." zh="没有符合筛选条件的练习。" />
        </p>
      )}
    </>
  );
}
