// What any sandbox (Node worker_threads or browser Web Worker) does for the grader: run one job, report how it ended.
import type { CaseRequest, SandboxOutcome } from './protocol';

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
}

/** A place to run learner code: a fresh worker per job, terminated on the budget. */
export interface Sandbox {
  run(job: SandboxJob): Promise<SandboxOutcome>;
}
