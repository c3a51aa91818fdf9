// The grader's result contract (zod): one overall verdict, per-test outcomes in spec order, numeric detail.
import { z } from 'zod';

/** Bumped whenever a verdict for the same code and spec could change. */
export const GRADER_VERSION = '1.1.0';

/** Every verdict the grader can give, for a whole run and for each test. */
export const verdictSchema = z.enum(['pass', 'fail', 'error', 'timeout']);
export type Verdict = z.infer<typeof verdictSchema>;

/** Languages every grader message is written in. */
export const languageSchema = z.enum(['en', 'zh']);
export type Language = z.infer<typeof languageSchema>;

/** A message a person can act on, in every supported language. */
export const localizedTextSchema = z.object({ en: z.string(), zh: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Most characters of captured console output kept per test (Exercism's limit). */
export const OUTPUT_LIMIT = 500;

const shapeSchema = z.array(z.number().int().nonnegative());

/** The element with the largest error relative to its tolerance. */
export const worstElementSchema = z.object({
  index: z.array(z.number().int().nonnegative()),
  expected: z.number(),
  actual: z.number(),
  tolerance: z.number(),
});
export type WorstElement = z.infer<typeof worstElementSchema>;

/** Gate blocks along the last axis of fused LSTM (i, f, g, o) and GRU (z, r, h) parameters. */
export const gateBlockSchema = z.enum(['i', 'f', 'g', 'o', 'z', 'r', 'h']);
export type GateBlock = z.infer<typeof gateBlockSchema>;

/** Numeric detail of a test that compares tensors with the reference. */
export const tensorDetailSchema = z.object({
  kind: z.literal('tensor'),
  /** Where in the returned value the first wrong tensor sits ('' = the value itself, 'grads.kernel'). */
  path: z.string(),
  expectedShape: shapeSchema.nullable(),
  actualShape: shapeSchema.nullable(),
  worst: worstElementSchema.nullable(),
  /** ‖actual − expected‖ / ‖expected‖ over the tensor (or the gate block named below). */
  relativeErrorNorm: z.number().nullable(),
  nonFinite: z
    .object({ index: z.array(z.number().int().nonnegative()), value: z.enum(['NaN', 'Infinity', '-Infinity']) })
    .nullable(),
  gradient: z.object({ parameter: z.string(), gateBlock: gateBlockSchema.nullable() }).nullable(),
  /** A known mistake from the spec whose broken reference matches the learner's output. */
  mistake: z.object({ id: z.string() }).nullable(),
});
export type TensorDetail = z.infer<typeof tensorDetailSchema>;

/** Numeric detail of a test that scores the output with a metric against a threshold. */
export const metricDetailSchema = z.object({
  kind: z.literal('metric'),
  metric: z.string(),
  value: z.number().nullable(),
  threshold: z.number(),
  baseline: z.number(),
  direction: z.enum(['higher', 'lower']),
  /** Secondary figures the spec reports beside the score (e.g. MRR@10), never part of the verdict. */
  extras: z.record(z.string(), z.number()),
  /** The known mistake the spec names as the likely cause of a missed threshold. */
  mistake: z.object({ id: z.string() }).nullable(),
});
export type MetricDetail = z.infer<typeof metricDetailSchema>;

/** One test (one case of the spec) as reported to the learner. */
export const testResultSchema = z.object({
  name: z.string(),
  visibility: z.enum(['visible', 'hidden']),
  status: verdictSchema,
  message: localizedTextSchema,
  /** Captured console output of this test, at most OUTPUT_LIMIT characters. */
  output: z.string().max(OUTPUT_LIMIT),
  durationMs: z.number().nonnegative(),
  detail: z.discriminatedUnion('kind', [tensorDetailSchema, metricDetailSchema]).nullable(),
});
export type TestResult = z.infer<typeof testResultSchema>;

/** The whole result of one Run (visible cases) or Submit (all cases). */
export const gradeResultSchema = z.object({
  version: z.string(),
  exerciseId: z.string(),
  verdict: verdictSchema,
  message: localizedTextSchema,
  /** Console output printed while the module itself was evaluated (top-level code). */
  output: z.string().max(OUTPUT_LIMIT),
  tests: z.array(testResultSchema),
  backend: z.string(),
  includesHidden: z.boolean(),
  seed: z.number().int(),
  durationMs: z.number().nonnegative(),
});
export type GradeResult = z.infer<typeof gradeResultSchema>;

export { verdictText } from './verdict-text';

/** Cuts captured output to OUTPUT_LIMIT characters, saying how much was dropped. */
export function capOutput(text: string, dropped = 0): string {
  const total = text.length + dropped;
  if (total <= OUTPUT_LIMIT) return text;
  const more = total - (OUTPUT_LIMIT - 40);
  return `${text.slice(0, OUTPUT_LIMIT - 40)}\n… (${more} more characters)`.slice(0, OUTPUT_LIMIT);
}
