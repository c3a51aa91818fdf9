'use client';
// React side of grading: one grading worker per exercise page, warmed when the page opens; Run, Submit and Stop.
import { useCallback, useEffect, useRef, useState } from 'react';
import { offerSandboxFrame } from '@/lib/grader/browser/frame-broker';
import type { GradeResult } from '@/lib/grader/result';
import { gradingReplySchema, type GradingRequest, type TrainingPoint } from './grading-protocol';

/** What the page shows about grading; `training` holds the live (then the last) run's loss curve. */
export type GraderState =
  | { phase: 'idle'; result: GradeResult | null; failure: string | null; stopped: boolean; training: TrainingPoint[] }
  | { phase: 'running'; includeHidden: boolean; startedAt: number; result: GradeResult | null; training: TrainingPoint[] };

type Outcome = { result: GradeResult } | { failure: string } | { stopped: true };

interface Pending {
  runId: number;
  resolve: (outcome: Outcome) => void;
}

function startGradingWorker(): Worker {
  const worker = new Worker(new URL('./grading.worker.ts', import.meta.url), { type: 'module', name: 'grading' });
  offerSandboxFrame(worker, process.env.NEXT_PUBLIC_GRADER_ORIGIN);
  return worker;
}

/**
 * Grades in a worker; `warm` turns true once tfjs, the spec and a sandbox are loaded. The worker starts
 * once `startNow` turns true (the page passes "the editor is editable": loading tfjs twice and compiling
 * its wasm on a two-core laptop would otherwise delay the editor by a second), or at the first grading.
 */
export function useGrader(exerciseId: string, onResult: (result: GradeResult) => void, startNow = true) {
  const [state, setState] = useState<GraderState>({ phase: 'idle', result: null, failure: null, stopped: false, training: [] });
  const [warm, setWarm] = useState(false);
  const worker = useRef<Worker | null>(null);
  const pending = useRef<Pending | null>(null);
  const nextRunId = useRef(1);
  const onResultRef = useRef(onResult);
  useEffect(() => {
    onResultRef.current = onResult;
  }, [onResult]);

  const open = useCallback(() => {
    const w = startGradingWorker();
    w.onmessage = (event: MessageEvent) => {
      const parsed = gradingReplySchema.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'warm') {
        setWarm(true);
        return;
      }
      const waiting = pending.current;
      if (!waiting || waiting.runId !== message.runId) return;
      if (message.type === 'progress') {
        setState((s) => (s.phase === 'running' ? { ...s, training: [...s.training, message.point] } : s));
        return;
      }
      pending.current = null;
      waiting.resolve(message.type === 'result' ? { result: message.result } : { failure: message.message });
    };
    w.onerror = (event) => {
      event.preventDefault();
      const waiting = pending.current;
      pending.current = null;
      waiting?.resolve({ failure: `the grading worker failed: ${event.message}` });
    };
    const prewarm: GradingRequest = { type: 'prewarm', exerciseId };
    w.postMessage(prewarm);
    worker.current = w;
  }, [exerciseId]);

  useEffect(() => {
    if (!startNow) return;
    if (!worker.current) open(); // a Run before the editor was ready may have started it already
    return () => {
      worker.current?.terminate();
      worker.current = null;
      setWarm(false);
    };
  }, [open, startNow]);

  const grade = useCallback(
    async (source: string, includeHidden: boolean) => {
      if (pending.current) return;
      if (!worker.current) open();
      const runId = nextRunId.current++;
      setState((s) => ({ phase: 'running', includeHidden, startedAt: performance.now(), result: s.result, training: [] }));
      const outcome = await new Promise<Outcome>((resolve) => {
        pending.current = { runId, resolve };
        const request: GradingRequest = { type: 'grade', runId, exerciseId, source, includeHidden };
        worker.current!.postMessage(request);
      });
      if ('result' in outcome) {
        setState((s) => ({ phase: 'idle', result: outcome.result, failure: null, stopped: false, training: s.training }));
        onResultRef.current(outcome.result);
      } else if ('failure' in outcome) {
        setState((s) => ({ phase: 'idle', result: s.result, failure: outcome.failure, stopped: false, training: s.training }));
      }
    },
    [exerciseId, open],
  );

  /** Ends the running grading now: the worker (and the learner's code inside it) is terminated, a fresh one warms up. */
  const stop = useCallback(() => {
    const waiting = pending.current;
    if (!waiting) return;
    pending.current = null;
    worker.current?.terminate();
    setWarm(false);
    open();
    setState((s) => ({ phase: 'idle', result: s.result, failure: null, stopped: true, training: s.training }));
    waiting.resolve({ stopped: true });
  }, [open]);

  return { state, warm, grade, stop };
}
