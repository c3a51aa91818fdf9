// Node sandbox: a fresh child process (heap limit, empty env) per job, optionally pre-started.
import { fork, type ChildProcess } from 'node:child_process';
import { createNonce, readyMessageSchema, type SandboxOutcome } from '../protocol';
import { FOREIGN_MESSAGE, notStarted, RunReplies, runRequest, type Sandbox, type SandboxJob } from '../sandbox';
import { workerScriptPath } from './worker-bundle';

/** How long a worker may take to load tfjs before the run counts as a grader failure. */
const STARTUP_TIMEOUT_MS = 60_000;

/** How much of the child's stderr is kept to tell a heap exhaustion from another crash. */
const STDERR_TAIL_CHARS = 4_000;

interface StartedWorker {
  child: ChildProcess;
  memoryMb: number;
  /** Resolves with the backend once the worker is ready, or with an error description. */
  ready: Promise<{ backend: string } | { failure: string }>;
  /** The end of the child's stderr (V8 prints "JavaScript heap out of memory" there). */
  stderrTail: () => string;
}

/**
 * Why a child process and not a worker_threads Worker: a Worker's `resourceLimits` give V8 only 16 MB of
 * leeway at the limit, so one large allocation there (e.g. `new Array(1e7).fill(0)`) aborts the whole
 * host process. A child dies alone, and the heap limit still comes from `--max-old-space-size`.
 */
function startWorker(script: string, memoryMb: number): StartedWorker {
  const child = fork(script, [], {
    execArgv: [`--max-old-space-size=${memoryMb}`, `--max-semi-space-size=${Math.max(1, Math.min(16, Math.floor(memoryMb / 32)))}`],
    env: {} as NodeJS.ProcessEnv, // learner code never sees the server's environment, even if it escaped the vm context
    serialization: 'advanced', // structured clone: Float32Array crosses as Float32Array
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-STDERR_TAIL_CHARS);
  });
  const ready = new Promise<{ backend: string } | { failure: string }>((resolve) => {
    const onMessage = (raw: unknown) => {
      cleanup();
      const parsed = readyMessageSchema.safeParse(raw);
      resolve(parsed.success ? { backend: parsed.data.backend } : { failure: 'the worker sent an unexpected first message' });
    };
    const onError = (error: Error) => {
      cleanup();
      resolve({ failure: `the grading worker failed to start: ${error.message}` });
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      resolve({ failure: `the grading worker exited during start-up (${signal ?? `code ${code}`})` });
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('error', onError);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('error', onError);
    child.on('exit', onExit);
  });
  return { child, memoryMb, ready, stderrTail: () => tail };
}

/** Stops a child for good (SIGKILL: a learner loop cannot delay it). */
function kill(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Lets an idle child not keep this process alive (and a running one keep it). */
function setReferenced(child: ChildProcess, referenced: boolean): void {
  const channel = child.channel as { ref(): void; unref(): void } | null | undefined;
  if (referenced) {
    child.ref();
    channel?.ref();
  } else {
    child.unref();
    channel?.unref();
  }
  const stderr = child.stderr as unknown as { ref?(): void; unref?(): void } | null;
  if (referenced) stderr?.ref?.();
  else stderr?.unref?.();
}

/** Options of a {@link NodeSandbox}. */
export interface NodeSandboxOptions {
  /** Keep one pre-started worker per memory limit, so the next job skips loading tfjs. Default false. */
  warm?: boolean;
}

/**
 * Runs each job in its own worker process (one worker serves exactly one job). The learner's code runs
 * in a vm context inside it; the wall-clock budget is enforced from here by killing the process, so
 * sync loops and never-settling promises both end as 'timeout', and heap exhaustion as 'memory'.
 */
export class NodeSandbox implements Sandbox {
  private readonly warm: boolean;
  private readonly spares = new Map<number, StartedWorker>();
  private closed = false;

  constructor(options: NodeSandboxOptions = {}) {
    this.warm = options.warm ?? false;
  }

  /** Starts a spare worker for this memory limit now and waits until it is ready (reuses a waiting one). */
  async prewarm(memoryMb: number): Promise<void> {
    const waiting = this.spares.get(memoryMb);
    if (waiting) {
      await waiting.ready;
      return;
    }
    const started = startWorker(await workerScriptPath(), memoryMb);
    this.spares.set(memoryMb, started);
    started.child.once('exit', () => {
      if (this.spares.get(memoryMb) === started) this.spares.delete(memoryMb);
    });
    await started.ready;
    // Once ready, an idle spare never keeps the process alive (while starting, it is being awaited).
    if (this.spares.get(memoryMb) === started) setReferenced(started.child, false);
  }

  /** Terminates spare workers; running jobs finish on their own. */
  async close(): Promise<void> {
    this.closed = true;
    const spares = [...this.spares.values()];
    this.spares.clear();
    for (const spare of spares) kill(spare.child);
  }

  async run(job: SandboxJob): Promise<SandboxOutcome> {
    const spare = this.spares.get(job.memoryMb);
    this.spares.delete(job.memoryMb);
    const started = spare ?? startWorker(await workerScriptPath(), job.memoryMb);
    setReferenced(started.child, true);
    try {
      return await this.runOn(started, job);
    } finally {
      if (this.warm && !this.closed) void this.prewarm(job.memoryMb).catch(() => undefined);
    }
  }

  private async runOn({ child, ready, stderrTail }: StartedWorker, job: SandboxJob): Promise<SandboxOutcome> {
    const startup = await Promise.race([
      ready,
      new Promise<{ failure: string }>((resolve) =>
        setTimeout(() => resolve({ failure: 'the grading worker did not start in time' }), STARTUP_TIMEOUT_MS).unref(),
      ),
    ]);
    if ('failure' in startup) {
      kill(child);
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
        child.removeAllListeners('message');
        kill(child);
        resolve(replies.outcome(ending, detail, startup.backend));
      };
      const timer = setTimeout(
        () => finish('timeout', `the time limit of ${job.timeBudgetMs} ms was exceeded`),
        job.timeBudgetMs,
      );
      child.on('message', (raw: unknown) => {
        const state = replies.accept(raw);
        if (state === 'foreign') finish('protocol', FOREIGN_MESSAGE);
        else if (state === 'done') finish('completed', '');
      });
      child.on('exit', (code, signal) => {
        // V8 aborts the process when the heap limit is reached; it says so on stderr first.
        setTimeout(() => {
          if (/heap out of memory|Reached heap limit|allocation failed/i.test(stderrTail())) {
            finish('memory', `memory limit of ${job.memoryMb} MB exceeded`);
          } else {
            finish('crashed', `the grading worker stopped unexpectedly (${signal ?? `exit code ${code}`})`);
          }
        }, 20); // let the last stderr chunk arrive
      });
      child.send(request);
    });
  }
}
