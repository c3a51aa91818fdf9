// Browser side of the grader: a fresh learner worker per Run/Submit (in the sandbox frame when the page has
// one), the wall-clock budget, the same verdict code as Node.
import { gradeSubmission, type GradeOptions } from '../grade';
import { createNonce, readyMessageSchema, type SandboxOutcome } from '../protocol';
import type { GradeResult } from '../result';
import { FOREIGN_MESSAGE, notStarted, RunReplies, runRequest, type Sandbox, type SandboxJob } from '../sandbox';
import type { ExerciseSpec } from '../spec';
import { GRADER_WORKER_URL } from './frame-protocol';
import { brokerFromOffer, frameLauncher, nestedLauncher, type LearnerWorker, type LearnerWorkerEvents, type LearnerWorkerLauncher } from './learner-worker';

/** How long loading tfjs and its wasm in a fresh worker may take. */
const STARTUP_TIMEOUT_MS = 60_000;

type Startup = { backend: string } | { failure: string };

interface StartedWorker {
  worker: LearnerWorker;
  ready: Promise<Startup>;
  /** Set when the worker's process stopped answering (a spare in a frame that another run ran out of memory). */
  lost: boolean;
  /** Set when the page's broker could not load its sandbox frame, so no worker could start there. */
  noFrame: boolean;
  /** Where the worker's later events go, once a run takes it over. */
  events: LearnerWorkerEvents;
}

const ignore = () => {};

function startWorker(launch: LearnerWorkerLauncher): StartedWorker {
  let resolveReady!: (startup: Startup) => void;
  const ready = new Promise<Startup>((resolve) => (resolveReady = resolve));
  const timer = setTimeout(() => resolveReady({ failure: 'the grading worker did not start in time' }), STARTUP_TIMEOUT_MS);
  const settle = (startup: Startup) => {
    clearTimeout(timer);
    resolveReady(startup);
  };
  const started: Omit<StartedWorker, 'worker'> = {
    ready,
    lost: false,
    noFrame: false,
    events: {
      message: (data) => {
        const parsed = readyMessageSchema.safeParse(data);
        settle(parsed.success ? { backend: parsed.data.backend } : { failure: 'the worker sent an unexpected first message' });
      },
      error: (message) => settle({ failure: `the grading worker failed to start: ${message}` }),
      lost: () => settle({ failure: "the grader's sandbox stopped answering while it started" }),
      failed: (message) => settle({ failure: message }),
    },
  };
  // The launcher's callbacks read `started.events` each time, so a run can take them over.
  const worker = launch({
    message: (data) => started.events.message(data),
    error: (message) => started.events.error(message),
    lost: () => {
      started.lost = true;
      started.events.lost();
    },
    failed: (message) => {
      started.noFrame = true;
      started.events.failed(message);
    },
  });
  return Object.assign(started, { worker });
}

/**
 * Runs each job in a fresh learner worker; optionally keeps one started in advance. The workers are
 * nested in this one until a page offers its sandbox frame (`useFrame`), then they live in the frame;
 * if the frame cannot be loaded (a host its policy does not allow, say), they are nested again.
 */
export class BrowserSandbox implements Sandbox {
  private spare: StartedWorker | null = null;
  private readonly nested: LearnerWorkerLauncher;
  private launch: LearnerWorkerLauncher;

  constructor(
    url = GRADER_WORKER_URL,
    private readonly warm = true,
  ) {
    this.nested = nestedLauncher(url);
    this.launch = this.nested;
  }

  /** Starts learner workers in the page's sandbox frame from now on (see `offerSandboxFrame`). */
  useFrame(broker: MessagePort): void {
    this.launch = frameLauncher(broker);
    this.close();
  }

  /** Takes up a page's sandbox-frame offer; true when `event` was one. */
  acceptFrameOffer(event: MessageEvent): boolean {
    const broker = brokerFromOffer(event);
    if (broker) this.useFrame(broker);
    return broker !== null;
  }

  /** Starts the next worker now, so the next Run does not wait for tfjs to load. */
  prewarm(): void {
    if (this.spare?.lost) this.close();
    this.spare ??= startWorker(this.launch);
  }

  /** Starts the next worker (if none is waiting) and resolves once it has loaded tfjs and its wasm. */
  async prewarmed(): Promise<void> {
    this.prewarm();
    const spare = this.spare;
    if (!spare) return;
    await spare.ready;
    if (!spare.noFrame || this.spare !== spare) return; // a run that took it meanwhile replaces it itself
    this.launch = this.nested;
    this.spare = startWorker(this.launch);
    await this.spare.ready;
  }

  /** `started` once it is ready, or, when the sandbox frame could not be loaded, a nested worker from now on. */
  private async startedSomewhere(started: StartedWorker): Promise<StartedWorker> {
    await started.ready;
    if (!started.noFrame) return started;
    this.launch = this.nested;
    return startWorker(this.launch);
  }

  /** Terminates the waiting worker (call when leaving the exercise page). */
  close(): void {
    this.spare?.worker.terminate();
    this.spare = null;
  }

  async run(job: SandboxJob): Promise<SandboxOutcome> {
    if (this.spare?.lost) this.close();
    const spare = this.spare;
    this.spare = null;
    const started = await this.startedSomewhere(spare ?? startWorker(this.launch));
    try {
      return await runOn(started, job);
    } finally {
      if (this.warm) this.prewarm();
    }
  }
}

async function runOn(started: StartedWorker, job: SandboxJob): Promise<SandboxOutcome> {
  const { worker } = started;
  const startup = await started.ready;
  if ('failure' in startup) {
    worker.terminate();
    return notStarted(startup.failure);
  }
  const nonce = createNonce();
  const request = runRequest(job, nonce);
  const replies = new RunReplies(job, nonce);
  return new Promise<SandboxOutcome>((resolve) => {
    let settled = false;
    const finish = (ending: SandboxOutcome['ending'], detail: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      started.events = { message: ignore, error: ignore, lost: ignore, failed: ignore };
      worker.terminate();
      resolve(replies.outcome(ending, detail, startup.backend));
    };
    const timer = setTimeout(() => finish('timeout', `the time limit of ${job.timeBudgetMs} ms was exceeded`), job.timeBudgetMs);
    const outOfMemory = () => finish('memory', `memory limit of ${job.memoryMb} MB exceeded`);
    started.events = {
      message: (data) => {
        const state = replies.accept(data);
        if (state === 'foreign') finish('protocol', FOREIGN_MESSAGE);
        else if (state === 'done') finish('completed', '');
      },
      error: (text) => {
        if (/out of memory|allocation failed/i.test(text)) outOfMemory();
        else finish('crashed', `the grading worker crashed: ${text}`);
      },
      // The frame's process died under the learner's worker: the browser killed it for its memory.
      lost: outOfMemory,
      failed: (text) => finish('crashed', text),
    };
    // A spare whose frame died between the check in run() and now: not this learner's doing.
    if (started.lost) finish('crashed', "the grader's sandbox stopped answering before your code ran; run it again");
    else worker.post(request);
  });
}

let pageSandbox: BrowserSandbox | undefined;

/** Grades `source` in this page: same compile, comparison and verdict code as `gradeInNode`. */
export async function gradeInBrowser(spec: ExerciseSpec, source: string, options: GradeOptions & { sandbox?: BrowserSandbox }): Promise<GradeResult> {
  const sandbox = options.sandbox ?? (pageSandbox ??= new BrowserSandbox());
  return gradeSubmission(spec, source, sandbox, options);
}
