// Running learner code without grading it: compile, call exports with given arguments in the sandbox, return what came back (the lab's "your code beside the reference").
import { compileLearnerModule, type CompileError } from './compile';
import type { LearnerError } from './protocol';
import type { Sandbox } from './sandbox';
import type { ExerciseSpec } from './spec';
import { shapeSize, type WireValue } from './values';

/** One call of an exported function of the learner's module. */
export interface LearnerCall {
  entry: string;
  args: WireValue[];
}

/** What one call returned, or why it returned nothing. */
export type LearnerCallResult = { ok: true; value: WireValue } | { ok: false; error: LearnerError };

/** The outcome of {@link runLearnerCalls}: compile errors, or one result per call, in order. */
export type LearnerCallsOutcome =
  | { kind: 'compile-error'; errors: CompileError[] }
  | { kind: 'ran'; results: LearnerCallResult[]; output: string };

/** The sandbox limits to run under: the exercise's own (its tf allow-list, time budget and memory). */
export type CallLimits = Pick<ExerciseSpec, 'allowList' | 'timeBudgetMs' | 'memoryMb'>;

function stopped(message: string): LearnerError {
  return { name: 'NotRun', message, line: null };
}

/**
 * Compiles `source` and runs `calls` in `sandbox`, exactly as grading does (same compile, same
 * allow-list, same fresh worker and wall-clock budget), but compares nothing: the caller gets the
 * values. A call the sandbox never answered (timeout, crash, module error) gets an error saying why.
 */
export async function runLearnerCalls(sandbox: Sandbox, source: string, calls: LearnerCall[], limits: CallLimits): Promise<LearnerCallsOutcome> {
  const compiled = compileLearnerModule(source);
  if (!compiled.ok) return { kind: 'compile-error', errors: compiled.errors };
  const inputElements = calls.flatMap((c) => c.args).reduce((n, v) => n + (v.kind === 'tensor' ? shapeSize(v.shape) : 1), 0);
  const outcome = await sandbox.run({
    code: compiled.js,
    allowList: limits.allowList,
    cases: calls.map((c, index) => ({ index, entry: c.entry, args: c.args })),
    maxOutputElements: Math.max(1_000_000, 20 * inputElements),
    timeBudgetMs: limits.timeBudgetMs,
    memoryMb: limits.memoryMb,
  });
  const moduleError = outcome.module?.error ?? null;
  const results = calls.map((_, index): LearnerCallResult => {
    if (moduleError) return { ok: false, error: moduleError };
    const reply = outcome.cases.find((m) => m.index === index);
    if (!reply) return { ok: false, error: stopped(outcome.detail || `the sandbox ended (${outcome.ending}) before this call returned`) };
    if (reply.error || !reply.value) return { ok: false, error: reply.error ?? stopped('returned nothing') };
    return { ok: true, value: reply.value };
  });
  const output = [outcome.module?.output ?? '', ...outcome.cases.map((c) => c.output)].join('');
  return { kind: 'ran', results, output };
}
