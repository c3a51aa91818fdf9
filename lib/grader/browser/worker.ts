// Entry of the learner's Web Worker: load tfjs and its wasm, remove network and worker APIs, lock the realm, then run one submission.
import './animation-frame-shim'; // first: tfjs reads requestAnimationFrame when it loads
import { guardWasmHeap, installAllocationGuard } from '../memory-limits';
import { runRequestSchema } from '../protocol';
import { installSeedableRandom } from '../seeded-random';
import { warmUpKernels, type WarmUpTf } from '../warm-up';
import { runLearnerJob, type ModuleEvaluator, type RuntimeTf } from '../worker-runtime';
import {
  blockCodeGeneration,
  freezeIntrinsics,
  keepTypedArrayIdentity,
  removeEverywhere,
  removeNetworkApis,
  typedArrayConstructors,
  WORKER_CHANNEL_GLOBALS,
} from './lockdown';
import { ready, tf } from '@/lib/tfjs';

/** new Function adds two header lines before the body; `sourceURL` names learner frames in stacks. */
const SOURCE_NAME = 'solution.ts';
const FUNCTION_HEADER_LINES = 2;

const scope = globalThis as unknown as Record<string, unknown>;
// Bound before learner code runs, which then finds neither postMessage nor close anywhere.
const post = (globalThis as unknown as { postMessage(message: unknown): void }).postMessage.bind(globalThis);
const closeWorker = globalThis.close.bind(globalThis);
// The one string-to-code door the worker keeps, for the learner's module itself; blockCodeGeneration closes the rest.
const ModuleFunction = Function;
// Installed before freezeIntrinsics freezes Math; training cases reseed it.
const reseedRandom = installSeedableRandom(Math);

const evaluator: ModuleEvaluator = {
  sourceName: SOURCE_NAME,
  lineOffset: -FUNCTION_HEADER_LINES,
  reseedRandom,
  evaluate(code, learnerConsole) {
    scope.console = learnerConsole;
    return new ModuleFunction(`return ${code}\n//# sourceURL=${SOURCE_NAME}`)();
  },
};

/** Everything between the run request and learner code: memory guards, then no channel, no eval, frozen built-ins. */
function lockRealm(memoryMb: number): void {
  guardWasmHeap(tf.backend(), memoryMb);
  const originals = typedArrayConstructors(scope);
  installAllocationGuard(scope, memoryMb);
  keepTypedArrayIdentity(scope, originals);
  for (const name of WORKER_CHANNEL_GLOBALS) removeEverywhere(globalThis, name);
  blockCodeGeneration(scope);
  freezeIntrinsics(scope, [tf.Tensor]);
}

async function main(): Promise<void> {
  const backend = await ready(); // fetches /tfjs-wasm/*.wasm: the last network access this worker makes
  removeNetworkApis(globalThis);
  warmUpKernels(tf as unknown as WarmUpTf);
  let started = false;
  globalThis.addEventListener('message', (event: MessageEvent) => {
    if (started) return;
    started = true;
    const parsed = runRequestSchema.safeParse(event.data);
    if (!parsed.success) {
      closeWorker(); // the host only sends valid requests; anything else is not ours to answer
      return;
    }
    lockRealm(parsed.data.memoryMb);
    void runLearnerJob(parsed.data, tf as unknown as RuntimeTf & Record<string, unknown>, evaluator, post);
  });
  post({ type: 'ready', backend });
}

void main();
