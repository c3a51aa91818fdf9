// Messages between the grading host and the learner's worker (zod-parsed on both sides, each reply carries the run's nonce).
import { z } from 'zod';
import { wireValueSchema } from './values';

/** Which tf namespace the worker hands to the learner's module. */
export const allowListSchema = z.enum(['from-scratch', 'full']);

/** Most predictor calls one training case may ask for. */
export const MAX_QUERIES = 10_000;

/**
 * A training case: `entry(...args, ctx)` returns a predictor, which is then called once per query, one
 * at a time, in the order given (the host shuffles them, so no query reveals another's answer).
 */
export const trainingRequestSchema = z.object({
  /** Seeds ctx.random and Math.random (tf.layers initialisers, fit's shuffling) for this case. */
  seed: z.number().int(),
  queries: z.array(z.array(wireValueSchema)).max(MAX_QUERIES),
});
export type TrainingRequest = z.infer<typeof trainingRequestSchema>;

/** One case to run: call export `entry` with `args` (and, for a training case, the queries on what it returns). */
export const caseRequestSchema = z.object({
  index: z.number().int().nonnegative(),
  entry: z.string().min(1),
  args: z.array(wireValueSchema),
  training: trainingRequestSchema.optional(),
});
export type CaseRequest = z.infer<typeof caseRequestSchema>;

/** Host → worker: run this compiled module on these cases. */
export const runRequestSchema = z.object({
  type: z.literal('run'),
  nonce: z.string().min(16),
  code: z.string(),
  allowList: allowListSchema,
  cases: z.array(caseRequestSchema),
  /** Most tensor elements one case may return (guards the host against huge outputs). */
  maxOutputElements: z.number().int().positive(),
  /** Memory limit (MB) for buffers outside the V8 heap: typed arrays and the tfjs wasm heap. */
  memoryMb: z.number().int().positive(),
});
export type RunRequest = z.infer<typeof runRequestSchema>;

/** An exception thrown by learner code, as plain data. */
export const learnerErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  /** Line in the learner's source where it was thrown, when the stack says so. */
  line: z.number().int().positive().nullable(),
});
export type LearnerError = z.infer<typeof learnerErrorSchema>;

const nonce = z.string().min(16);

/** Worker → host: tfjs is loaded and the worker waits for its one run request (sent before any nonce exists). */
export const readyMessageSchema = z.object({ type: z.literal('ready'), backend: z.string() });

/** Worker → host: the module was evaluated (or threw), with its top-level console output. */
export const moduleMessageSchema = z.object({
  type: z.literal('module'),
  nonce,
  error: learnerErrorSchema.nullable(),
  output: z.string(),
});
export type ModuleMessage = z.infer<typeof moduleMessageSchema>;

/** Worker → host: one case finished, with the returned value or the error. */
export const caseMessageSchema = z.object({
  type: z.literal('case'),
  nonce,
  index: z.number().int().nonnegative(),
  value: wireValueSchema.nullable(),
  error: learnerErrorSchema.nullable(),
  output: z.string(),
  durationMs: z.number().nonnegative(),
});
export type CaseMessage = z.infer<typeof caseMessageSchema>;

/** Most progress points one case may send (later ones are dropped in the worker). */
export const MAX_PROGRESS_POINTS = 2_000;

/** Worker → host: one point for the live training chart (null: the learner reported NaN or ±Infinity). */
export const progressMessageSchema = z.object({
  type: z.literal('progress'),
  nonce,
  index: z.number().int().nonnegative(),
  epoch: z.number().int().nonnegative(),
  loss: z.number().nullable(),
  valLoss: z.number().nullable(),
  metric: z.number().nullable(),
});
export type ProgressMessage = z.infer<typeof progressMessageSchema>;

/** Worker → host: every case has been reported. */
export const doneMessageSchema = z.object({ type: z.literal('done'), nonce });

/** Any message a worker may send after the run request. */
export const runReplySchema = z.discriminatedUnion('type', [moduleMessageSchema, caseMessageSchema, progressMessageSchema, doneMessageSchema]);
export type RunReply = z.infer<typeof runReplySchema>;

/** What a sandbox reports back for one run, whichever way it ended. */
export type SandboxOutcome = {
  /** 'completed': every case reported; otherwise the worker was stopped or died. */
  ending: 'completed' | 'timeout' | 'memory' | 'crashed' | 'protocol';
  /** Human detail for endings other than 'completed'. */
  detail: string;
  backend: string;
  module: ModuleMessage | null;
  cases: CaseMessage[];
};

/** A fresh random nonce for one run (Web Crypto exists in Node ≥ 19 and in browsers). */
export function createNonce(): string {
  return globalThis.crypto.randomUUID();
}
