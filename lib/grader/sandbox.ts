// What any sandbox (a Node child process or a browser Web Worker) does for the grader: run one job, report how it ended.
import type { CaseRequest, ProgressMessage, RunRequest, SandboxOutcome } from './protocol';

/** One Run/Submit, as the host hands it to a sandbox. */
export interface SandboxJob {
  code: string;
  allowList: 'from-scratch' | 'full';
  cases: CaseRequest[];
  maxOutputElements: number;
  /** Wall-clock budget for the learner's module and all its cases. */
  timeBudgetMs: number;
  /** Heap limit of the learner's worker. */
  memoryMb: number;
  /** Receives each training progress point as it arrives (the live loss chart). */
  onProgress?: (point: ProgressMessage) => void;
}

/** A place to run learner code: a fresh worker per job, terminated on the budget. */
export interface Sandbox {
  run(job: SandboxJob): Promise<SandboxOutcome>;
}

/** Hands a progress point to the job's listener; a throwing listener never ends the run. */
export function forwardProgress(job: SandboxJob, point: ProgressMessage): void {
  try {
    job.onProgress?.(point);
  } catch {
    // the chart is a view; grading goes on without it
  }
}

/** The message that starts `job` in a sandbox's worker; `nonce` marks every reply that belongs to it. */
export function runRequest(job: SandboxJob, nonce: string): RunRequest {
  return {
    type: 'run',
    nonce,
    code: job.code,
    allowList: job.allowList,
    cases: job.cases,
    maxOutputElements: job.maxOutputElements,
    memoryMb: job.memoryMb,
  };
}
