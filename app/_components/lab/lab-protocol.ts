// Messages between the lab widgets and the lab worker (zod-checked on both sides).
import { z } from 'zod';
import { gradientFlowSettingsSchema } from '@/lib/lab/gradient-flow-settings';
import type { LearnerGradientNorms, LearnerTrace } from '@/lib/lab/learner-runs';
import { PRESET_TASKS } from '@/lib/lab/presets';

// z.number() rejects NaN and ±Infinity, which a learner's code may legitimately produce.
const anyNumber = z.custom<number>((v) => typeof v === 'number', 'expected a number');
/** [T][H] */
const grid = z.array(z.array(anyNumber));
const scalarSequence = z.array(z.number()).min(1).max(120);

/** Page → worker. `id` pairs a reply with its request. */
export const labRequestSchema = z.discriminatedUnion('type', [
  /** Reference traces of the shipped LSTM (and GRU) of `task` over `inputs`. */
  z.object({ type: z.literal('trace'), id: z.number().int(), task: z.enum(PRESET_TASKS), inputs: scalarSequence, withGru: z.boolean() }),
  z.object({ type: z.literal('gradient-flow'), id: z.number().int(), settings: gradientFlowSettingsSchema }),
  /** The learner's drafts of exercises 01 and 02 run on the same weights and inputs (null: no draft). */
  z.object({
    type: z.literal('learner-trace'),
    id: z.number().int(),
    task: z.enum(PRESET_TASKS),
    inputs: scalarSequence,
    cellStepSource: z.string().nullable(),
    forwardSource: z.string().nullable(),
  }),
  /** The learner's draft of exercise 06 on the gradient-flow settings. */
  z.object({ type: z.literal('learner-gradient-flow'), id: z.number().int(), settings: gradientFlowSettingsSchema, source: z.string() }),
]);
export type LabRequest = z.infer<typeof labRequestSchema>;
/** A request without its id (the client adds it). */
export type LabQuery = LabRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const lstmTraceSchema = z.object({
  preActivations: z.object({ i: grid, f: grid, g: grid, o: grid }),
  values: z.object({ i: grid, f: grid, g: grid, o: grid, c: grid, h: grid }),
});
export type LstmTraceData = z.infer<typeof lstmTraceSchema>;

const gruTraceSchema = z.object({ values: z.object({ z: grid, r: grid, hTilde: grid, h: grid }) });
export type GruTraceData = z.infer<typeof gruTraceSchema>;

/** What one of the learner's functions gave: nothing to run, an error to show, or its values. */
export const learnerTraceSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no-draft') }),
  z.object({ status: z.literal('error'), message: z.string() }),
  z.object({ status: z.literal('ok'), values: z.object({ i: grid, f: grid, g: grid, o: grid, c: grid, h: grid }) }),
]) satisfies z.ZodType<LearnerTrace>;
export type { LearnerTrace };

/** Worker → page. */
export const labReplySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('trace'),
    id: z.number().int(),
    lstm: lstmTraceSchema,
    gru: gruTraceSchema.nullable(),
    /** readout of the LSTM at each step [T] (count, copied-bit probability or next value) */
    predictions: z.array(anyNumber),
  }),
  z.object({ type: z.literal('gradient-flow'), id: z.number().int(), rnn: z.array(anyNumber), lstm: z.array(anyNumber) }),
  z.object({ type: z.literal('learner-trace'), id: z.number().int(), cellStep: learnerTraceSchema, forward: learnerTraceSchema }),
  z.object({
    type: z.literal('learner-gradient-flow'),
    id: z.number().int(),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('error'), message: z.string() }),
      z.object({ status: z.literal('ok'), rnn: z.array(anyNumber), lstm: z.array(anyNumber) }),
    ]) satisfies z.ZodType<LearnerGradientNorms>,
  }),
  z.object({ type: z.literal('failed'), id: z.number().int(), message: z.string() }),
]);
export type LabReply = z.infer<typeof labReplySchema>;
