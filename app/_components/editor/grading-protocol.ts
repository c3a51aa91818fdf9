// Messages between the exercise page and its grading worker (zod-checked on both sides).
import { z } from 'zod';
import { gradeResultSchema } from '@/lib/grader/result';

/** Page → worker: load the exercise's spec and tfjs now; grade a submission. */
export const gradingRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prewarm'), exerciseId: z.string() }),
  z.object({ type: z.literal('grade'), runId: z.number().int(), exerciseId: z.string(), source: z.string(), includeHidden: z.boolean() }),
]);
export type GradingRequest = z.infer<typeof gradingRequestSchema>;

/** Worker → page: the runtime is warm; a grading's result; a grading that could not run. */
export const gradingReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('warm'), backend: z.string() }),
  z.object({ type: z.literal('result'), runId: z.number().int(), result: gradeResultSchema }),
  z.object({ type: z.literal('failed'), runId: z.number().int(), message: z.string() }),
]);
export type GradingReply = z.infer<typeof gradingReplySchema>;
