// Browser side of the grader: a fresh module Worker per Run/Submit, the wall-clock budget, the same verdict code as Node.
import { gradeSubmission, type GradeOptions } from '../grade';
import { createNonce, readyMessageSchema, runReplySchema, type CaseMessage, type ModuleMessage, type SandboxOutcome } from '../protocol';
import type { GradeResult } from '../result';
import { forwardProgress, runRequest, type Sandbox, type SandboxJob } from '../sandbox';
import type { ExerciseSpec } from '../spec';

/** Where `scripts/build-grader-worker.mjs` puts the bundled worker (served with its own CSP). */
export const GRADER_WORKER_URL = '/grader/worker.js';

/** How long loading tfjs and its wasm in a fresh worker may take. */
const STARTUP_TIMEOUT_MS = 60_000;

interface StartedWorker {
  worker: Worker;
  ready: Promise<{ backend: string } | { failure: string }>;
}

function startWorker(url: string): StartedWorker {
  const worker = new Worker(url, { type: 'module', name: 'grader' });
  const ready = new Promise<{ backend: string } | { failure: string }>((resolve) => {
    const timer = setTimeout(() => resolve({ failure: 'the grading worker did not start in time' }), STARTUP_TIMEOUT_MS);
    worker.onmessage = (event) => {
      clearTimeout(timer);
      const parsed = readyMessageSchema.safeParse(event.data);
      resolve(parsed.success ? { backend: parsed.data.backend } : { failure: 'the worker sent an unexpected first message' });
    };
    worker.onerror = (event) => {
      clearTimeout(timer);
      resolve({ failure: `the grading worker failed to start: ${event.message}` });
    };
  });
  return { worker, ready };
}

/** Runs each job in a fresh Web Worker; optionally keeps one started in advance. */
export class BrowserSandbox implements Sandbox {
  private spare: StartedWorker | null = null;

  constructor(
    private readonly url = GRADER_WORKER_URL,
    private readonly warm = true,
  ) {}

  /** Starts the next worker now, so the next Run does not wait for tfjs to load. */
  prewarm(): void {
    this.spare ??= startWorker(this.url);
  }

  /** Starts the next worker (if none is waiting) and resolves once it has loaded tfjs and its wasm. */
  async prewarmed(): Promise<void> {
    this.prewarm();
    await this.spare?.ready;
  }

  /** Terminates the waiting worker (call when leaving the exercise page). */
  close(): void {
    this.spare?.worker.terminate();
    this.spare = null;
  }

  async run(job: SandboxJob): Promise<SandboxOutcome> {
    const started = this.spare ?? startWorker(this.url);
    this.spare = null;
    try {
      return await runOn(started, job);
    } finally {
      if (this.warm) this.prewarm();
    }
  }
}

async function runOn({ worker, ready }: StartedWorker, job: SandboxJob): Promise<SandboxOutcome> {
  const startup = await ready;
  if ('failure' in startup) {
    worker.terminate();
    return { ending: 'crashed', detail: startup.failure, backend: 'unknown', module: null, cases: [] };
  }
  const nonce = createNonce();
  const request = runRequest(job, nonce);
  let moduleReply: ModuleMessage | null = null;
  const cases: CaseMessage[] = [];
  return new Promise<SandboxOutcome>((resolve) => {
    let settled = false;
    const finish = (ending: SandboxOutcome['ending'], detail: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve({ ending, detail, backend: startup.backend, module: moduleReply, cases });
    };
    const timer = setTimeout(() => finish('timeout', `the time limit of ${job.timeBudgetMs} ms was exceeded`), job.timeBudgetMs);
    worker.onmessage = (event) => {
      const parsed = runReplySchema.safeParse(event.data);
      if (!parsed.success || parsed.data.nonce !== nonce) {
        finish('protocol', 'the worker sent a message that is not part of this run');
        return;
      }
      const reply = parsed.data;
      if (reply.type === 'module') moduleReply = reply;
      else if (reply.type === 'case') cases.push(reply);
      else if (reply.type === 'progress') forwardProgress(job, reply);
      else finish('completed', '');
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const text = String(event.message ?? '');
      if (/out of memory|allocation failed/i.test(text)) finish('memory', `memory limit of ${job.memoryMb} MB exceeded`);
      else finish('crashed', `the grading worker crashed: ${text}`);
    };
    worker.postMessage(request);
  });
}

let pageSandbox: BrowserSandbox | undefined;

/** Grades `source` in this page: same compile, comparison and verdict code as `gradeInNode`. */
export async function gradeInBrowser(spec: ExerciseSpec, source: string, options: GradeOptions & { sandbox?: BrowserSandbox }): Promise<GradeResult> {
  const sandbox = options.sandbox ?? (pageSandbox ??= new BrowserSandbox());
  return gradeSubmission(spec, source, sandbox, options);
}
