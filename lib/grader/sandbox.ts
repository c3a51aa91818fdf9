// What any sandbox (a Node child process or a browser Web Worker) does for the grader: run one job, report how it ended.
import { runReplySchema, type CaseMessage, type CaseRequest, type ModuleMessage, type ProgressMessage, type RunRequest, type SandboxOutcome } from './protocol';

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
function forwardProgress(job: SandboxJob, point: ProgressMessage): void {
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

/** The replies of one run as they arrive: the module's, each case's, progress passed on to the job. */
export class RunReplies {
  module: ModuleMessage | null = null;
  readonly cases: CaseMessage[] = [];

  constructor(
    private readonly job: SandboxJob,
    private readonly nonce: string,
  ) {}

  /** Takes one message from the worker: 'done' after its last, 'foreign' when it is not part of this run, else 'more'. */
  accept(raw: unknown): 'more' | 'done' | 'foreign' {
    const parsed = runReplySchema.safeParse(raw);
    if (!parsed.success || parsed.data.nonce !== this.nonce) return 'foreign';
    const reply = parsed.data;
    if (reply.type === 'module') this.module = reply;
    else if (reply.type === 'case') this.cases.push(reply);
    else if (reply.type === 'progress') forwardProgress(this.job, reply);
    else return 'done';
    return 'more';
  }

  /** How the run ended, with what arrived before. */
  outcome(ending: SandboxOutcome['ending'], detail: string, backend: string): SandboxOutcome {
    return { ending, detail, backend, module: this.module, cases: this.cases };
  }
}

/** What a worker that never ran the job reports. */
export function notStarted(detail: string): SandboxOutcome {
  return { ending: 'crashed', detail, backend: 'unknown', module: null, cases: [] };
}

/** The message of a worker that sent something not part of its run (the run ends there). */
export const FOREIGN_MESSAGE = 'the worker sent a message that is not part of this run';
