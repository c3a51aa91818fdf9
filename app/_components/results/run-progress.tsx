'use client';
// What the page shows while a Run or Submit is grading: an animated bar and the elapsed time, from the first frame.
import { useEffect, useState } from 'react';
import { T } from '../ui/t';

/** Elapsed seconds since `startedAt` (performance.now() time), refreshed ten times a second. */
export function RunProgress({ includeHidden, startedAt, warm }: { includeHidden: boolean; startedAt: number; warm: boolean }) {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - startedAt) / 1000).toFixed(1);
  return (
    <div className="run-progress" role="status" data-testid="run-progress">
      <div className="run-progress-bar" aria-hidden="true" />
      <p>
        {includeHidden ? <T en="Submitting: all cases" zh="提交中：全部用例" /> : <T en="Running the visible cases" zh="运行中：可见用例" />} · {seconds} s
        {!warm && (
          <>
            {' '}
            · <T en="loading the grader first" zh="正在先加载评分器" />
          </>
        )}
      </p>
    </div>
  );
}
