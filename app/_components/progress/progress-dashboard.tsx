'use client';
// /progress: everything from the browser store (the account's mirror when signed in) — per-track
// exercise counts, questions by review state, the activity calendar and streaks in the learner's time
// zone, recent submissions with their code, and what to do next.
import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import { browserTimeZone, summarizeActivity } from '@/lib/progress/activity';
import { activityTimes, exerciseCounts, nextUnsolved, questionsByState, recentSubmissions, reviewQueue } from '@/lib/progress/dashboard';
import { verdictText } from '@/lib/grader/verdict-text';
import { questionStatusLabel } from '../catalogue/labels';
import { ProgressSummary } from '../catalogue/progress-summary';
import { useAccount } from '../ui/account';
import { T } from '../ui/t';
import { useNow } from '../ui/use-now';
import { useLocalProgress } from '../ui/use-local-progress';
import { ActivityCalendar } from './activity-calendar';

type Text = { en: string; zh: string };
export interface DashboardTrack {
  track: string;
  label: Text;
  exercises: { id: string; title: Text }[];
}


function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function Card({ title, children, testId }: { title: ReactNode; children: ReactNode; testId: string }) {
  return (
    <section className="dash-card" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function ProgressDashboard({ tracks, questions, empty }: { tracks: DashboardTrack[]; questions: { id: string; title: Text }[]; empty: ReactNode }) {
  const [progress] = useLocalProgress();
  const account = useAccount();
  const now = useNow();
  const exerciseIds = useMemo(() => tracks.flatMap((t) => t.exercises.map((e) => e.id)), [tracks]);
  const titles = useMemo(() => new Map([...tracks.flatMap((t) => t.exercises), ...questions].map((x) => [x.id, x.title])), [tracks, questions]);
  const questionIds = useMemo(() => questions.map((q) => q.id), [questions]);
  const view = useMemo(() => {
    if (!progress || !now) return null;
    const timeZone = browserTimeZone();
    return {
      timeZone,
      activity: summarizeActivity(activityTimes(progress), timeZone, now),
      byState: questionsByState(progress, questionIds, now),
      queue: reviewQueue(progress, questionIds, now),
      next: nextUnsolved(progress, exerciseIds),
      recent: recentSubmissions(progress, 10),
    };
  }, [progress, now, questionIds, exerciseIds]);

  const title = (id: string) => <T {...(titles.get(id) ?? { en: id, zh: id })} />;

  return (
    <div className="dashboard" data-testid="progress-dashboard">
      {account.status !== 'signed-in' && (
        <p className="note" data-testid="guest-note">
          <T
            en={
              <>
                This progress is kept in this browser only. <Link href="/account">Sign in</Link> to keep it in your account and see it on any device.
              </>
            }
            zh={
              <>
                这些进度只保存在本浏览器中。<Link href="/account">登录</Link>后会保存到你的账户，在任何设备上都能看到。
              </>
            }
          />
        </p>
      )}
      <ProgressSummary exerciseIds={exerciseIds} questionCount={questions.length} empty={empty} />
      {progress && view && (
        <div className="dash-grid">
          <Card title={<T en="What next" zh="接下来" />} testId="what-next">
            <ul className="dash-list">
              <li>
                {view.queue.due.length > 0 ? (
                  <Link href="/review" data-testid="next-review">
                    <T en={`Review ${view.queue.due.length} due question(s)`} zh={`复习 ${view.queue.due.length} 道到期的题`} />
                  </Link>
                ) : (
                  <span data-testid="next-review">
                    <T en="No review due now." zh="目前没有到期的复习。" />
                    {view.queue.next && (
                      <>
                        {' '}
                        <T en="Next:" zh="下一道：" /> {title(view.queue.next.questionId)} — {formatTime(view.queue.next.due.toISOString())}
                      </>
                    )}
                  </span>
                )}
              </li>
              <li>
                {view.next ? (
                  <Link href={`/exercises/${view.next}`} data-testid="next-exercise" data-exercise={view.next}>
                    <T en="Next exercise:" zh="下一个练习：" /> {title(view.next)}
                  </Link>
                ) : (
                  <span data-testid="next-exercise">
                    <T en="Every exercise is solved. Well done!" zh="所有练习都已解决，干得好！" />
                  </span>
                )}
              </li>
            </ul>
          </Card>

          <Card title={<T en="Exercises by track" zh="各方向的练习" />} testId="track-progress">
            <ul className="dash-list">
              {tracks.map((t) => {
                const c = exerciseCounts(progress, t.exercises.map((e) => e.id));
                return (
                  <li key={t.track} data-track={t.track} data-solved={c.solved} data-attempted={c.attempted}>
                    <strong>
                      <T {...t.label} />
                    </strong>{' '}
                    <T en={`${c.solved} of ${c.total} solved, ${c.attempted} attempted`} zh={`已解决 ${c.solved} / ${c.total}，尝试中 ${c.attempted}`} />
                    <progress className="dash-bar" max={Math.max(1, c.total)} value={c.solved} aria-label={`${t.label.en}: ${c.solved} of ${c.total} solved`} />
                  </li>
                );
              })}
            </ul>
          </Card>

          <Card title={<T en="Questions by review state" zh="按复习状态分类的题目" />} testId="question-states">
            <ul className="dash-states">
              {(['due', 'learning', 'known', 'new'] as const).map((s) => (
                <li key={s} data-state={s} data-count={view.byState[s].length}>
                  <details>
                    <summary>
                      <span className={`badge status-${s}`}>
                        <T {...questionStatusLabel[s]} />
                      </span>{' '}
                      {view.byState[s].length}
                    </summary>
                    <ul>
                      {view.byState[s].map((id) => (
                        <li key={id}>
                          <Link href={`/questions/${id}`}>{title(id)}</Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          </Card>

          <Card title={<T en="Activity" zh="学习记录" />} testId="activity">
            <p className="streaks">
              <span data-testid="current-streak" data-days={view.activity.current}>
                <T en={`Current streak: ${view.activity.current} day(s)`} zh={`当前连续：${view.activity.current} 天`} />
              </span>
              <span data-testid="longest-streak" data-days={view.activity.longest}>
                <T en={`Longest: ${view.activity.longest} day(s)`} zh={`最长连续：${view.activity.longest} 天`} />
              </span>
            </p>
            <ActivityCalendar today={view.activity.today} counts={view.activity.counts} />
            <p className="muted small">
              <T en={`Days in your time zone (${view.timeZone}).`} zh={`按你所在时区（${view.timeZone}）计算日期。`} />
            </p>
          </Card>

          <Card title={<T en="Recent submissions" zh="最近的提交" />} testId="recent-submissions">
            {view.recent.length === 0 ? (
              <p className="muted">
                <T en="No Run or Submit yet." zh="还没有运行或提交过。" />
              </p>
            ) : (
              <ol className="submissions">
                {view.recent.map((s) => (
                  <li key={s.clientId} data-client-id={s.clientId} data-verdict={s.verdict} data-exercise={s.exerciseId}>
                    <details>
                      <summary>
                        <span className={`badge verdict-${s.verdict}`}>
                          <T en={verdictText(s.verdict, 'en')} zh={verdictText(s.verdict, 'zh')} />
                        </span>{' '}
                        {s.kind === 'submit' ? <T en="Submit" zh="提交" /> : <T en="Run" zh="运行" />} · {title(s.exerciseId)} ·{' '}
                        <time dateTime={s.at}>{formatTime(s.at)}</time>
                      </summary>
                      <p>
                        <Link href={`/exercises/${s.exerciseId}`}>
                          <T en="Open the exercise" zh="打开练习" />
                        </Link>
                      </p>
                      <pre className="submission-code" tabIndex={0} aria-label={`Code submitted at ${s.at}`}>
                        <code>{s.code}</code>
                      </pre>
                    </details>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
