'use client';
// The exercise workspace: statement beside a Monaco editor, Run / Submit / Stop, results, hints and the solution.
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { GradeResult } from '@/lib/grader/result';
import { CODE_MAX_BYTES, isSolved, recordAttempt, recordSubmission, utf8Bytes } from '@/lib/progress/local-store';
import { ResultPanel } from '../results/result-panel';
import { RunProgress } from '../results/run-progress';
import { TrainingChart } from '../results/training-chart';
import { T } from '../ui/t';
import { usePreferences } from '../ui/use-preferences';
import type { HintHtml } from '@/lib/content/workspace-files';
import { ExerciseNotes } from './exercise-notes';
import { HintList } from './hint-list';
import { markersOf } from './markers';
import { useDraft } from './use-draft';
import { useGrader } from './use-grader';

const loadingEditor = () => (
  <p className="editor-loading">
    <T en="Loading the editor…" zh="正在加载编辑器…" />
  </p>
);
const loadCodeEditor = () => import('./code-editor');
// Fetch Monaco as soon as this module runs in the browser, in parallel with hydration and reading the draft.
if (typeof window !== 'undefined') void loadCodeEditor();
const CodeEditor = dynamic(loadCodeEditor, { ssr: false, loading: loadingEditor });
const SolutionDiff = dynamic(() => import('./solution-diff'), { ssr: false, loading: loadingEditor });

export interface ExerciseWorkspaceProps {
  exerciseId: string;
  starter: string;
  solution: string | null;
  typesSource: string | null;
  hints: HintHtml[];
  /** The statement, rendered on the server. */
  children: ReactNode;
}

function subscribeDark(listener: () => void) {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

/** The theme actually shown (a 'system' choice resolved through the media query). */
function useResolvedTheme(): 'light' | 'dark' {
  const { theme } = usePreferences();
  const systemDark = useSyncExternalStore(subscribeDark, () => window.matchMedia('(prefers-color-scheme: dark)').matches, () => false);
  return theme === 'dark' || (theme === 'system' && systemDark) ? 'dark' : 'light';
}

/** True on Apple keyboards, where the shortcuts use ⌘ rather than Ctrl. */
function useIsMac(): boolean {
  return useSyncExternalStore(() => () => {}, () => /Mac|iPhone|iPad/.test(navigator.platform), () => false);
}

export function ExerciseWorkspace({ exerciseId, starter, solution, typesSource, hints, children }: ExerciseWorkspaceProps) {
  const theme = useResolvedTheme();
  const mod = useIsMac() ? '⌘' : 'Ctrl';
  const { code, change, reset, current, progress, update } = useDraft(exerciseId, starter);
  const [editorReady, setEditorReady] = useState(false);
  const [showSolution, setShowSolution] = useState(false);
  /** The graded code and its submission id, made when grading starts (a resend of the record keeps the id). */
  const grading = useRef<{ clientId: string; code: string } | null>(null);
  const onResult = useCallback(
    (result: GradeResult) => {
      const started = grading.current;
      grading.current = null;
      const at = new Date();
      if (!started || utf8Bytes(started.code) > CODE_MAX_BYTES) {
        update((p) => recordAttempt(p, exerciseId, { verdict: result.verdict, includesHidden: result.includesHidden }, at));
        return;
      }
      update((p) =>
        recordSubmission(p, {
          clientId: started.clientId,
          exerciseId,
          kind: result.includesHidden ? 'submit' : 'run',
          verdict: result.verdict,
          code: started.code,
          result,
          graderVersion: result.version.slice(0, 40),
          backend: result.backend.slice(0, 40),
          durationMs: Math.max(0, Math.round(result.durationMs)),
          at: at.toISOString(),
        }),
      );
    },
    [exerciseId, update],
  );
  // The grading runtime loads right after the editor is editable (or after 4 s if the editor cannot load).
  const [editorWaitOver, setEditorWaitOver] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setEditorWaitOver(true), 4_000);
    return () => clearTimeout(timer);
  }, []);
  const { state, warm, grade, stop } = useGrader(exerciseId, onResult, editorReady || editorWaitOver);
  const running = state.phase === 'running';
  const markers = useMemo(() => (state.result ? markersOf(state.result) : []), [state.result]);

  const start = useCallback(
    (includeHidden: boolean) => {
      if (running) return;
      const code = current();
      grading.current = { clientId: crypto.randomUUID(), code };
      void grade(code, includeHidden);
    },
    [grade, current, running],
  );
  const run = useCallback(() => start(false), [start]);
  const submit = useCallback(() => start(true), [start]);

  // The shortcuts also work when the focus is outside the editor (the editor binds its own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      if (e.shiftKey) submit();
      else run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, submit]);

  const confirmReset = () => {
    if (window.confirm('Reset to the starter code? Your draft will be lost. / 重置为起始代码？你的草稿将丢失。')) reset();
  };
  const revealSolution = () => {
    if (showSolution) return setShowSolution(false);
    const solved = progress ? isSolved(progress, exerciseId) : false;
    if (solved || window.confirm('Show the solution before solving the exercise? / 还没通过就查看答案？')) setShowSolution(true);
  };

  return (
    <div className="workspace" data-editor-ready={editorReady ? 'true' : 'false'}>
      <div className="workspace-statement">
        {children}
        <HintList hints={hints} />
        <ExerciseNotes exerciseId={exerciseId} />
        {solution && (
          <section className="section" aria-labelledby="solution-heading">
            <h2 id="solution-heading">
              <T en="Solution" zh="参考答案" />
            </h2>
            <button type="button" className="button" onClick={revealSolution} aria-expanded={showSolution}>
              {showSolution ? <T en="Hide the solution" zh="隐藏参考答案" /> : <T en="Show the solution" zh="查看参考答案" />}
            </button>
            {showSolution && (
              <div className="solution-diff" data-testid="solution">
                <p className="muted">
                  <T en="Left: your code. Right: the solution (read-only)." zh="左：你的代码。右：参考答案（只读）。" />
                </p>
                <div className="solution-diff-editor">
                  <SolutionDiff learnerCode={code ?? starter} solution={solution} theme={theme} />
                </div>
              </div>
            )}
          </section>
        )}
      </div>
      <div className="workspace-code">
        <div className="workspace-toolbar" role="toolbar" aria-label="Run and submit">
          <button type="button" className="button" onClick={run} disabled={running} title={`${mod}+Enter`}>
            <T en="Run" zh="运行" /> <kbd>{mod}+Enter</kbd>
          </button>
          <button type="button" className="button button-primary" onClick={submit} disabled={running} title={`${mod}+Shift+Enter`}>
            <T en="Submit" zh="提交" /> <kbd>{mod}+Shift+Enter</kbd>
          </button>
          {running && (
            <button type="button" className="button button-danger" onClick={stop}>
              <T en="Stop" zh="停止" />
            </button>
          )}
          <span className="workspace-spacer" />
          <span className="runtime-status" data-testid="runtime-status" data-warm={warm ? 'true' : 'false'}>
            {warm ? <T en="Grader ready" zh="评分器已就绪" /> : <T en="Loading the grader…" zh="正在加载评分器…" />}
          </span>
          <button type="button" className="button button-quiet" onClick={confirmReset} disabled={running}>
            <T en="Reset to starter" zh="重置为起始代码" />
          </button>
        </div>
        <div className="workspace-editor">
          {code !== null && (
            <CodeEditor
              typesSource={typesSource}
              value={code}
              onChange={change}
              onRun={run}
              onSubmit={submit}
              markers={markers}
              theme={theme}
              label={`Code editor for ${exerciseId}`}
              onReady={() => setEditorReady(true)}
            />
          )}
        </div>
        {markers.length > 0 && state.phase === 'idle' && (
          <ul className="code-markers" data-testid="code-markers" aria-label="Problems in your code">
            {markers.map((m) => (
              <li key={m.line} data-line={m.line}>
                <T en={`Line ${m.line}:${m.column}`} zh={`第 ${m.line} 行第 ${m.column} 列`} /> {m.message}
              </li>
            ))}
          </ul>
        )}
        <div className="workspace-results">
          {state.phase === 'running' && <RunProgress includeHidden={state.includeHidden} startedAt={state.startedAt} warm={warm} />}
          {state.training.length > 0 && <TrainingChart points={state.training} running={state.phase === 'running'} />}
          {state.phase === 'idle' && state.stopped && (
            <p className="result-message" role="status">
              <T en="Stopped: the grading worker was terminated." zh="已停止：评分进程已终止。" />
            </p>
          )}
          {state.phase === 'idle' && state.failure && (
            <p className="result-message result-bad" role="alert">
              <T en={`The grader could not run: ${state.failure}`} zh={`评分器无法运行：${state.failure}`} />
            </p>
          )}
          {state.phase === 'idle' && state.result && <ResultPanel result={state.result} />}
          {state.phase === 'idle' && !state.result && !state.failure && !state.stopped && (
            <p className="muted">
              <T
                en={`Run checks the visible cases (${mod}+Enter); Submit checks all of them, hidden ones included (${mod}+Shift+Enter).`}
                zh={`运行只检查可见用例（${mod}+Enter）；提交检查全部用例，包括隐藏用例（${mod}+Shift+Enter）。`}
              />
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
