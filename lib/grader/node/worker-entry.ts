// Entry of the Node grading worker (a child process): load tfjs, harden, then run one submission in a vm context.
import vm from 'node:vm';
import { ready, tf } from '@/lib/tfjs';
import { LEARNER_CONSOLE_METHODS } from '../learner-globals';
import { guardWasmHeap, installAllocationGuard } from '../memory-limits';
import { runRequestSchema } from '../protocol';
import { installSeedableRandom, type ReseedRandom } from '../seeded-random';
import { warmUpKernels, type WarmUpTf } from '../warm-up';
import { runLearnerJob, type ModuleEvaluator, type RuntimeTf } from '../worker-runtime';
import { hardenWorkerRealm } from './harden';

/** File name learner frames carry in stack traces; the compiled module keeps the learner's line numbers. */
const SOURCE_NAME = 'solution.ts';

/** Evaluates compiled learner modules in a fresh vm context whose only extra global is a captured console. */
function createVmEvaluator(memoryMb: number, reseedRandom: ReseedRandom): ModuleEvaluator {
  return {
    sourceName: SOURCE_NAME,
    lineOffset: 0,
    reseedRandom,
    evaluate(code, hostConsole) {
      const context = vm.createContext(
        {},
        { name: 'exercise', codeGeneration: { strings: false, wasm: false } },
      );
      const installGuard = vm.runInContext(`(${installAllocationGuard.toString()})`, context) as typeof installAllocationGuard;
      installGuard(vm.runInContext('globalThis', context) as Record<string, unknown>, memoryMb);
      // The console is built inside the context so its functions belong to the learner's realm.
      const makeConsole = vm.runInContext(
        `(sink, methods) => { const c = {}; for (const m of methods) c[m] = (...args) => sink[m](...args); return Object.freeze(c); }`,
        context,
      ) as (sink: unknown, methods: readonly string[]) => unknown;
      // The context's Math.random draws from this realm's seedable one, through a function of the context's own realm.
      const linkRandom = vm.runInContext(`(draw) => { Math.random = function random() { return draw(); }; }`, context) as (draw: () => number) => void;
      linkRandom(() => Math.random());
      Object.defineProperty(context, 'console', {
        value: makeConsole(hostConsole, [...LEARNER_CONSOLE_METHODS]),
        writable: true,
        configurable: true,
        enumerable: false,
      });
      return new vm.Script(code, { filename: SOURCE_NAME }).runInContext(context);
    },
  };
}

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('worker-entry must run as a forked child process with an IPC channel');
  const post = (message: unknown) => send(message);
  // The channel going away means the host is gone (or gave up on this worker): never outlive it.
  process.on('disconnect', () => process.exit(0));
  const backend = await ready();
  if (!process.connected) process.exit(0);
  warmUpKernels(tf as unknown as WarmUpTf);
  const reseedRandom = installSeedableRandom(Math);
  hardenWorkerRealm();
  let started = false;
  // The IPC listener keeps the process alive, so a learner promise that never settles leaves the
  // worker waiting for the host's deadline instead of exiting early.
  process.on('message', (raw: unknown) => {
    if (started) return;
    started = true;
    const parsed = runRequestSchema.safeParse(raw);
    if (!parsed.success) {
      // The host only sends valid requests; anything else means the channel is not ours.
      process.exit(3);
    }
    guardWasmHeap(tf.backend(), parsed.data.memoryMb);
    const evaluator = createVmEvaluator(parsed.data.memoryMb, reseedRandom);
    void runLearnerJob(parsed.data, tf as unknown as RuntimeTf & Record<string, unknown>, evaluator, post);
  });
  post({ type: 'ready', backend });
}

void main();
