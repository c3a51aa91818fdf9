// The `ctx` a learner's train(data, ctx) receives: the seeded RNG and the channel to the live loss chart.
import { mulberry32 } from '@/lib/lstm/random';
import { MAX_PROGRESS_POINTS } from './protocol';

/** One point of the live chart, as the learner reports it. */
export interface ProgressPoint {
  epoch: number;
  loss: number;
  valLoss?: number;
  metric?: number;
}

/**
 * What train() receives. Each model exercise's types.ts declares the same interface for the editor;
 * tests/unit/grader/training-context.test.ts keeps the two in step.
 */
export interface TrainingContext {
  readonly seed: number;
  random(): number;
  report(point: ProgressPoint): void;
  fitCallbacks(): { onEpochEnd(epoch: number, logs?: Record<string, number>): Promise<void> };
}

/** A point as it crosses to the host: non-finite numbers become null (the chart says "NaN"). */
export interface SentPoint {
  epoch: number;
  loss: number | null;
  valLoss: number | null;
  metric: number | null;
}

const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The metric a fit log carries, validation first (accuracy-like names as tfjs writes them). */
function metricOf(logs: Record<string, unknown>): number | undefined {
  for (const key of ['val_acc', 'val_accuracy', 'acc', 'accuracy']) {
    if (typeof logs[key] === 'number') return logs[key] as number;
  }
  return undefined;
}

/** Lets the worker's event loop breathe so the host receives progress while fit runs. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The callback object model.fit receives. */
type EpochCallbacks = ReturnType<TrainingContext['fitCallbacks']>;

/**
 * Builds the ctx for one training case; `send` posts each point (at most MAX_PROGRESS_POINTS).
 * `asFitCallback` turns the callback object into what model.fit accepts next to tf.callbacks.* (the
 * worker passes `new tf.CustomCallback(…)`: fit refuses to mix plain objects with callback instances).
 */
export function createTrainingContext(
  seed: number,
  send: (point: SentPoint) => void,
  asFitCallback: (callbacks: EpochCallbacks) => EpochCallbacks = (callbacks) => callbacks,
): TrainingContext {
  const next = mulberry32(seed ^ 0x5eed);
  let sent = 0;
  const report = (point: ProgressPoint) => {
    if (sent >= MAX_PROGRESS_POINTS || typeof point !== 'object' || point === null) return;
    sent++;
    const epoch = typeof point.epoch === 'number' && Number.isFinite(point.epoch) ? Math.max(0, Math.trunc(point.epoch)) : sent - 1;
    send({ epoch, loss: finiteOrNull(point.loss), valLoss: finiteOrNull(point.valLoss), metric: finiteOrNull(point.metric) });
  };
  return Object.freeze({
    seed,
    random: () => next(),
    report,
    fitCallbacks: () =>
      asFitCallback({
        onEpochEnd: async (epoch: number, logs: Record<string, number> = {}) => {
          report({ epoch, loss: logs.loss, valLoss: logs.val_loss, metric: metricOf(logs) });
          await yieldToEventLoop();
        },
      }),
  });
}
