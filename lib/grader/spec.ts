// `defineSpec`: the zod-checked description of an exercise's checks (cases, reference, tolerances, budgets, mistakes, metrics).
import { z } from 'zod';
import { FORWARD_TOLERANCE, GRADIENT_TOLERANCE, LOG_SCALE_TOLERANCE, type LogTolerance, type Tolerance } from './compare';
import { allowListSchema } from './protocol';
import { localizedTextSchema, type LocalizedText } from './result';
import type { WireValue } from './values';

const fn = <T extends (...args: never[]) => unknown>(what: string) =>
  z.custom<T>((v) => typeof v === 'function', `${what} must be a function`);

/** Produces a case's arguments from a seed (same seed, same inputs, on every machine). */
export type CaseGenerator = (seed: number) => WireValue[];
/** Host-side reference (and known-mistake variants): arguments → expected return value. */
export type ReferenceFunction = (args: WireValue[], entry: string) => WireValue | Promise<WireValue>;
/**
 * Exercise-specific explanation of a mismatch, appended to the grader's message (e.g. whether a BPTT error
 * starts at the last time step or builds up back through time). Returns null when it has nothing to add.
 */
export type MismatchDiagnosis = (actual: WireValue, expected: WireValue, args: WireValue[]) => LocalizedText | null;
/**
 * Scores a returned value for a metric test (e.g. accuracy of predictions on held-out data). For a
 * training case `output` is the list of the predictor's answers in query order; `seed` regenerates
 * the hidden targets on the host. A record form adds secondary figures reported beside the score.
 */
export type MetricScore = (
  output: WireValue,
  args: WireValue[],
  seed: number,
) => number | MetricScoreWithExtras | Promise<number | MetricScoreWithExtras>;
export interface MetricScoreWithExtras {
  value: number;
  /** Other figures worth showing (e.g. MRR@10 beside Recall@10), never part of the verdict. */
  extras: Record<string, number>;
}
/** Names the known mistake a failing metric most likely comes from (its id), or null. */
export type MetricDiagnosis = (output: WireValue, args: WireValue[], seed: number) => string | null;
/** The queries a training case's predictor answers, one at a time, in this (host-shuffled) order. */
export type QueryGenerator = (seed: number) => WireValue[][];
/** A property of the output that must hold (e.g. a model's structure): null = holds, else why not. */
export type OutputCheck = (output: WireValue, args: WireValue[]) => LocalizedText | null;
/** Recognises a known mistake by a property of the learner's output rather than by a broken reference. */
export type MistakeMatcher = (actual: WireValue, args: WireValue[], entry: string) => boolean;

const linearToleranceSchema = z.object({
  kind: z.literal('linear'),
  atol: z.number().nonnegative(),
  rtol: z.number().nonnegative(),
  normRtol: z.number().nonnegative(),
});
const logToleranceSchema = z.object({
  kind: z.literal('log'),
  maxLog10Error: z.number().positive(),
  floor: z.number().positive(),
});

/** A tolerance by name (architecture.md's values) or spelled out. */
export const toleranceSchema = z
  .union([z.enum(['forward', 'gradient', 'log']), linearToleranceSchema, logToleranceSchema])
  .transform((t): Tolerance | LogTolerance =>
    t === 'forward' ? FORWARD_TOLERANCE : t === 'gradient' ? GRADIENT_TOLERANCE : t === 'log' ? LOG_SCALE_TOLERANCE : t,
  );

/** How one part of the returned value is compared (by path: '' for the value itself, 'grads.kernel', 'h'). */
export const outputRuleSchema = z.object({
  tolerance: toleranceSchema.optional(),
  /** Fused gate layout along the last axis: the error is checked and reported per gate block. */
  gates: z.enum(['lstm', 'gru']).optional(),
  /** This output is the gradient of the named parameter (reported as such). */
  gradientOf: z.string().optional(),
});

/** A metric test: the output is scored on the host and compared with a threshold set from measured figures. */
export const metricCheckSchema = z.object({
  metric: z.string().min(1),
  direction: z.enum(['higher', 'lower']),
  threshold: z.number(),
  /** What the strongest simple baseline scores (recorded measurement). */
  baseline: z.number(),
  /** What the reference solution scored when the threshold was set (recorded measurement). */
  referenceScore: z.number(),
  score: fn<MetricScore>('score'),
  /** Optional: when the score misses the threshold, which known mistake most likely caused it. */
  diagnose: fn<MetricDiagnosis>('diagnose').optional(),
});

/** One case: a named, seeded input; compared with the reference unless it carries a metric check. */
export const caseSpecSchema = z.object({
  name: z.string().min(1),
  visibility: z.enum(['visible', 'hidden']),
  /** Export to call; default: the spec's first entry. */
  entry: z.string().optional(),
  generate: fn<CaseGenerator>('generate'),
  metric: metricCheckSchema.optional(),
  /** Training case: the entry gets `ctx` after `args`, returns a predictor, and that answers these queries. */
  queries: fn<QueryGenerator>('queries').optional(),
  /** Checks a property of the output instead of comparing it with the reference. */
  check: fn<OutputCheck>('check').optional(),
});

/**
 * A common mistake, recognised numerically (its broken reference `variant` matches the learner's output),
 * by a property of the output (`matches`), or by a metric case's `diagnose` naming its id.
 */
export const knownMistakeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  message: localizedTextSchema,
  variant: fn<ReferenceFunction>('variant').optional(),
  matches: fn<MistakeMatcher>('matches').optional(),
});

/** The whole spec of an exercise. */
export const exerciseSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Functions the learner's module must export. */
    entries: z.array(z.string().min(1)).min(1),
    allowList: allowListSchema,
    timeBudgetMs: z.number().int().positive().max(600_000),
    memoryMb: z.number().int().min(64).max(4096),
    tolerance: toleranceSchema.default(FORWARD_TOLERANCE),
    outputs: z.record(z.string(), outputRuleSchema).default({}),
    cases: z.array(caseSpecSchema).min(1),
    reference: fn<ReferenceFunction>('reference'),
    knownMistakes: z.array(knownMistakeSchema).default([]),
    /** Optional: explains a failing case further; never changes a verdict. */
    diagnose: fn<MismatchDiagnosis>('diagnose').optional(),
    /** How many seeds `content:check --full` proves the solution on (model exercises train, so fewer). */
    fullCheckSeeds: z.number().int().min(1).max(10).default(5),
    /** How many of those seeds each known mistake is proven on (default: all of them). */
    mistakeCheckSeeds: z.number().int().min(1).max(10).optional(),
  })
  .superRefine((spec, ctx) => {
    const names = new Set<string>();
    for (const c of spec.cases) {
      if (names.has(c.name)) ctx.addIssue({ code: 'custom', message: `duplicate case name "${c.name}"` });
      names.add(c.name);
      if (c.entry && !spec.entries.includes(c.entry)) {
        ctx.addIssue({ code: 'custom', message: `case "${c.name}" calls "${c.entry}", which is not an entry` });
      }
      if (c.queries && !c.metric) ctx.addIssue({ code: 'custom', message: `training case "${c.name}" needs a metric to score its answers` });
      if (c.check && c.metric) ctx.addIssue({ code: 'custom', message: `case "${c.name}" has both a check and a metric` });
      if (c.metric?.diagnose && !spec.knownMistakes.length) {
        ctx.addIssue({ code: 'custom', message: `case "${c.name}" diagnoses mistakes but the spec lists none` });
      }
    }
    if (!spec.cases.some((c) => c.visibility === 'visible')) {
      ctx.addIssue({ code: 'custom', message: 'a spec needs at least one visible case' });
    }
  });

/** What a spec file writes (names for tolerances, defaults omitted). */
export type ExerciseSpecInput = z.input<typeof exerciseSpecSchema>;
/** A checked spec, as the grader uses it. */
export type ExerciseSpec = z.output<typeof exerciseSpecSchema>;
export type CaseSpec = ExerciseSpec['cases'][number];
export type OutputRule = z.output<typeof outputRuleSchema>;

/** Checks a spec once, at import time, and returns it typed. Throws with every problem listed. */
export function defineSpec(input: ExerciseSpecInput): ExerciseSpec {
  const parsed = exerciseSpecSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(`Invalid exercise spec "${String((input as { id?: unknown }).id)}":\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
