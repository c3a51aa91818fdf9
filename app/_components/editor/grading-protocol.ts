// Messages between the exercise page and its grading worker (zod-checked on both sides).
import { z } from 'zod';
import { gradeResultSchema } from '@/lib/grader/result';

/** Page → worker: load the exercise's spec and tfjs now; grade a submission. */
export const gradingRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prewarm'), exerciseId: z.string() }),
  z.object({ type: z.literal('grade'), runId: z.number().int(), exerciseId: z.string(), source: z.string(), includeHidden: z.boolean() }),
]);
export type GradingRequest = z.infer<typeof gradingRequestSchema>;

/** The spec's recorded baseline for the metric a training test checks, and the chart axis it is drawn on (null: caption only). */
export const trainingBaselineSchema = z.object({
  metric: z.string(),
  value: z.number(),
  direction: z.enum(['higher', 'lower']),
  axis: z.enum(['metric', 'loss']).nullable(),
});
export type TrainingBaseline = z.infer<typeof trainingBaselineSchema>;

/** One point of the live training chart (null: the learner's code reported NaN or ±Infinity). */
export const trainingPointSchema = z.object({
  testName: z.string(),
  epoch: z.number().int().nonnegative(),
  loss: z.number().nullable(),
  valLoss: z.number().nullable(),
  metric: z.number().nullable(),
  /** The test's baseline (null: the test has no metric check). */
  baseline: trainingBaselineSchema.nullable(),
});
export type TrainingPoint = z.infer<typeof trainingPointSchema>;

/** Worker → page: the runtime is warm; a training progress point; a grading's result; a grading that could not run. */
export const gradingReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('warm'), backend: z.string() }),
  z.object({ type: z.literal('progress'), runId: z.number().int(), point: trainingPointSchema }),
  z.object({ type: z.literal('result'), runId: z.number().int(), result: gradeResultSchema }),
  z.object({ type: z.literal('failed'), runId: z.number().int(), message: z.string() }),
]);
export type GradingReply = z.infer<typeof gradingReplySchema>;
