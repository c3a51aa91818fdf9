// The grading path shared by Node and the browser: compile, run in a sandbox, compare on the host, explain.
import { compareTensors, type Tolerance } from './compare';
import { compileLearnerModule, formatCompileErrors } from './compile';
import { MEMORY_LIMIT_ERROR_NAME } from './memory-limits';
import { MESSAGES, mismatchMessage, withMistake } from './messages';
import type { CaseMessage, ProgressMessage, SandboxOutcome } from './protocol';
import {
  capOutput,
  GRADER_VERSION,
  gradeResultSchema,
  type GradeResult,
  type LocalizedText,
  type MetricDetail,
  type TensorDetail,
  type TestResult,
  type Verdict,
} from './result';
import type { Sandbox } from './sandbox';
import type { CaseSpec, ExerciseSpec } from './spec';
import { findMismatch, type LeafRule, type ValueMismatch } from './value-compare';
import { shapeSize, type WireValue } from './values';

/** Seed of the cases a learner's Run/Submit uses (content:check --full adds more). */
export const DEFAULT_SEED = 1;

/** Options of one grading. */
export interface GradeOptions {
  /** Submit (all cases) rather than Run (visible cases only). */
  includeHidden: boolean;
  /** Seed for the case generators; default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Grades only the cases this accepts (content:check proves a known mistake without training the model). */
  caseFilter?: (c: CaseSpec) => boolean;
  /** Receives training progress (epoch, loss, validation loss, metric) as it happens, with the test's name. */
  onProgress?: (point: ProgressMessage & { testName: string }) => void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The comparison rule for one path of the returned value. */
export function ruleFor(spec: ExerciseSpec, path: string): LeafRule {
  const rule = spec.outputs[path];
  return { tolerance: rule?.tolerance ?? spec.tolerance, gates: rule?.gates, gradientOf: rule?.gradientOf };
}

function entryOf(spec: ExerciseSpec, c: CaseSpec): string {
  return c.entry ?? spec.entries[0];
}

function mismatchDetail(mismatch: ValueMismatch, mistakeId: string | null): TensorDetail {
  if (mismatch.kind !== 'tensor') {
    return {
      kind: 'tensor', path: mismatch.path, expectedShape: null, actualShape: null, worst: null,
      relativeErrorNorm: null, nonFinite: null, gradient: null, mistake: mistakeId ? { id: mistakeId } : null,
    };
  }
  const c = mismatch.comparison;
  return {
    kind: 'tensor',
    path: mismatch.path,
    expectedShape: c.expectedShape,
    actualShape: c.actualShape,
    worst: c.outcome === 'shape' || c.outcome === 'non-finite' ? null : c.worst,
    relativeErrorNorm: c.relativeErrorNorm,
    nonFinite: c.nonFinite,
    gradient: mismatch.rule.gradientOf ? { parameter: mismatch.rule.gradientOf, gateBlock: c.gateBlock } : null,
    mistake: mistakeId ? { id: mistakeId } : null,
  };
}

/** Detail for a passing test whose value is one tensor: its shape and how close it came. */
function passDetail(actual: WireValue, expected: WireValue, rule: LeafRule): TensorDetail | null {
  if (actual.kind !== 'tensor' || expected.kind !== 'tensor' || rule.tolerance.kind !== 'linear') return null;
  const c = compareTensors(actual, expected, rule.tolerance as Tolerance, rule.gates);
  return {
    kind: 'tensor', path: '', expectedShape: c.expectedShape, actualShape: c.actualShape, worst: c.worst,
    relativeErrorNorm: c.relativeErrorNorm, nonFinite: null,
    gradient: rule.gradientOf ? { parameter: rule.gradientOf, gateBlock: null } : null, mistake: null,
  };
}

interface Judged {
  status: Verdict;
  message: LocalizedText;
  detail: TestResult['detail'];
}

async function judgeAgainstReference(
  spec: ExerciseSpec,
  c: CaseSpec,
  args: WireValue[],
  actual: WireValue,
  expected: WireValue,
): Promise<Judged> {
  const rules = (path: string) => ruleFor(spec, path);
  const mismatch = findMismatch(actual, expected, rules);
  if (!mismatch) return { status: 'pass', message: MESSAGES.passed(), detail: passDetail(actual, expected, rules('')) };
  const base = withDiagnosis(mismatchMessage(mismatch), diagnosisOf(spec, actual, expected, args));
  // Name a known mistake only by numbers: the learner's output must match the broken reference.
  for (const mistake of spec.knownMistakes) {
    if (await mistakeMatches(mistake, actual, args, entryOf(spec, c), rules)) {
      return { status: 'fail', message: withMistake(base, mistake.message), detail: mismatchDetail(mismatch, mistake.id) };
    }
  }
  return { status: 'fail', message: base, detail: mismatchDetail(mismatch, null) };
}

/** Whether a wrong output is this known mistake: by its predicate, else by its broken reference's numbers. */
async function mistakeMatches(
  mistake: ExerciseSpec['knownMistakes'][number],
  actual: WireValue,
  args: WireValue[],
  entry: string,
  rules: (path: string) => LeafRule,
): Promise<boolean> {
  try {
    if (mistake.matches) return mistake.matches(actual, args, entry);
    if (mistake.variant) return findMismatch(actual, await mistake.variant(args, entry), rules) === null;
  } catch {
    // a matcher that cannot read this output does not name it
  }
  return false;
}

/** The spec's own diagnosis of a mismatch, or null; a diagnosis that throws is ignored (it only adds words). */
function diagnosisOf(spec: ExerciseSpec, actual: WireValue, expected: WireValue, args: WireValue[]): LocalizedText | null {
  if (!spec.diagnose) return null;
  try {
    return spec.diagnose(actual, expected, args);
  } catch {
    return null;
  }
}

function withDiagnosis(base: LocalizedText, diagnosis: LocalizedText | null): LocalizedText {
  return diagnosis ? { en: `${base.en} ${diagnosis.en}`, zh: `${base.zh}${diagnosis.zh}` } : base;
}

async function judgeMetric(spec: ExerciseSpec, c: CaseSpec, args: WireValue[], actual: WireValue, seed: number): Promise<Judged> {
  const m = c.metric!;
  const detail: MetricDetail = {
    kind: 'metric', metric: m.metric, value: null, threshold: m.threshold, baseline: m.baseline, direction: m.direction, extras: {}, mistake: null,
  };
  let value: number;
  try {
    const scored = await m.score(actual, args, seed);
    value = typeof scored === 'number' ? scored : scored.value;
    if (typeof scored !== 'number') detail.extras = Object.fromEntries(Object.entries(scored.extras).filter(([, v]) => Number.isFinite(v)));
  } catch (error) {
    return { status: 'fail', message: MESSAGES.metricUnscorable(m.metric, error instanceof Error ? error.message : String(error)), detail };
  }
  if (!Number.isFinite(value)) {
    return { status: 'fail', message: MESSAGES.metricUnscorable(m.metric, `the score is ${value}`), detail };
  }
  const ok = m.direction === 'higher' ? value >= m.threshold : value <= m.threshold;
  const message = MESSAGES.metric(m.metric, value, m.threshold, m.baseline, m.direction, ok);
  if (ok) return { status: 'pass', message, detail: { ...detail, value } };
  const mistake = metricMistake(spec, c, actual, args, seed);
  return {
    status: 'fail',
    message: mistake ? withMistake(message, mistake.message) : message,
    detail: { ...detail, value, mistake: mistake ? { id: mistake.id } : null },
  };
}

/** The known mistake a metric case's diagnosis names for a missed threshold (a diagnosis that throws names none). */
function metricMistake(spec: ExerciseSpec, c: CaseSpec, actual: WireValue, args: WireValue[], seed: number) {
  try {
    const id = c.metric?.diagnose?.(actual, args, seed);
    return id ? (spec.knownMistakes.find((k) => k.id === id) ?? null) : null;
  } catch {
    return null;
  }
}

/** A property check (e.g. the model's structure): pass, or fail with the check's own words. */
function judgeCheck(c: CaseSpec, args: WireValue[], actual: WireValue): Judged {
  let problem: LocalizedText | null;
  try {
    problem = c.check!(actual, args);
  } catch (error) {
    problem = MESSAGES.metricUnscorable('the check', error instanceof Error ? error.message : String(error));
  }
  return problem ? { status: 'fail', message: problem, detail: null } : { status: 'pass', message: MESSAGES.checkHolds(), detail: null };
}

function judgeMissing(outcome: SandboxOutcome, spec: ExerciseSpec, firstMissing: boolean): Judged {
  if (outcome.ending === 'timeout') {
    return { status: 'timeout', message: firstMissing ? MESSAGES.timedOut(spec.timeBudgetMs) : MESSAGES.notRunTimeout(), detail: null };
  }
  if (!firstMissing) return { status: 'error', message: MESSAGES.notRunCrash(), detail: null };
  if (outcome.ending === 'memory') return { status: 'error', message: MESSAGES.memory(spec.memoryMb), detail: null };
  return { status: 'error', message: MESSAGES.crashed(outcome.detail || 'no result for this test'), detail: null };
}

function judgeThrown(message: CaseMessage, spec: ExerciseSpec): Judged {
  const e = message.error!;
  if (e.name === MEMORY_LIMIT_ERROR_NAME) return { status: 'error', message: MESSAGES.memory(spec.memoryMb), detail: null };
  return { status: 'error', message: MESSAGES.threw(e.name, e.message, e.line), detail: null };
}

function overallVerdict(tests: TestResult[], outcome: SandboxOutcome): Verdict {
  if (outcome.ending === 'timeout' || tests.some((t) => t.status === 'timeout')) return 'timeout';
  if (outcome.module?.error || outcome.ending !== 'completed' || tests.some((t) => t.status === 'error')) return 'error';
  if (tests.some((t) => t.status === 'fail')) return 'fail';
  return 'pass';
}

function overallMessage(verdict: Verdict, tests: TestResult[], outcome: SandboxOutcome, spec: ExerciseSpec): LocalizedText {
  const moduleError = outcome.module?.error;
  switch (verdict) {
    case 'pass':
      return MESSAGES.overall.pass(tests.length);
    case 'fail':
      return MESSAGES.overall.fail(tests.filter((t) => t.status === 'fail').length, tests.length);
    case 'timeout':
      return MESSAGES.timedOut(spec.timeBudgetMs);
    case 'error': {
      if (moduleError) {
        return moduleError.name === MEMORY_LIMIT_ERROR_NAME
          ? MESSAGES.memory(spec.memoryMb)
          : MESSAGES.moduleThrew(moduleError.name, moduleError.message, moduleError.line);
      }
      if (outcome.ending === 'memory') return MESSAGES.memory(spec.memoryMb);
      const firstError = tests.find((t) => t.status === 'error');
      if (firstError && firstError.message.en.startsWith('memory limit')) return firstError.message;
      if (outcome.ending !== 'completed' && !firstError) return MESSAGES.crashed(outcome.detail);
      return MESSAGES.overall.error(firstError?.message ?? MESSAGES.crashed(outcome.detail));
    }
  }
}

/**
 * Grades one submission: compiles it, runs the selected cases in `sandbox` (a fresh worker), computes
 * the expected values on this side while it runs, and returns the zod-checked result. Learner code
 * never sees the reference, and verdicts never come from the worker.
 */
export async function gradeSubmission(
  spec: ExerciseSpec,
  source: string,
  sandbox: Sandbox,
  options: GradeOptions,
): Promise<GradeResult> {
  const started = now();
  const seed = options.seed ?? DEFAULT_SEED;
  const selected = spec.cases.filter((c) => (options.includeHidden || c.visibility === 'visible') && (options.caseFilter?.(c) ?? true));
  const finish = (fields: Pick<GradeResult, 'verdict' | 'message' | 'output' | 'tests' | 'backend'>): GradeResult =>
    gradeResultSchema.parse({
      version: GRADER_VERSION,
      exerciseId: spec.id,
      includesHidden: options.includeHidden,
      seed,
      durationMs: Math.max(0, now() - started),
      ...fields,
    });

  const compiled = compileLearnerModule(source);
  if (!compiled.ok) {
    return finish({ verdict: 'error', message: MESSAGES.compileFailed(formatCompileErrors(compiled.errors)), output: '', tests: [], backend: 'none' });
  }

  const inputs = selected.map((c) => c.generate(seed));
  const inputElements = inputs.flat().reduce((n, v) => n + (v.kind === 'tensor' ? shapeSize(v.shape) : 1), 0);
  const expectedPromise = Promise.all(
    selected.map((c, i) => (c.metric || c.check ? Promise.resolve(null) : Promise.resolve(spec.reference(inputs[i], entryOf(spec, c))))),
  );
  const [outcome, expected] = await Promise.all([
    sandbox.run({
      code: compiled.js,
      allowList: spec.allowList,
      cases: selected.map((c, index) => ({
        index,
        entry: entryOf(spec, c),
        args: inputs[index],
        training: c.queries ? { seed, queries: c.queries(seed) } : undefined,
      })),
      maxOutputElements: Math.max(1_000_000, 20 * inputElements),
      timeBudgetMs: spec.timeBudgetMs,
      memoryMb: spec.memoryMb,
      onProgress: options.onProgress && ((point) => options.onProgress?.({ ...point, testName: selected[point.index]?.name ?? '' })),
    }),
    expectedPromise,
  ]);

  const tests: TestResult[] = [];
  let firstMissing = true;
  for (let index = 0; index < selected.length; index++) {
    const c = selected[index];
    const message = outcome.cases.find((m) => m.index === index);
    let judged: Judged;
    if (outcome.module?.error) judged = { status: 'error', message: MESSAGES.notRunModule(), detail: null };
    else if (!message) {
      judged = judgeMissing(outcome, spec, firstMissing);
      firstMissing = false;
    } else if (message.error || !message.value) judged = judgeThrown(message, spec);
    else if (c.check) judged = judgeCheck(c, inputs[index], message.value);
    else if (c.metric) judged = await judgeMetric(spec, c, inputs[index], message.value, seed);
    else judged = await judgeAgainstReference(spec, c, inputs[index], message.value, expected[index]!);
    tests.push({
      name: c.name,
      visibility: c.visibility,
      status: judged.status,
      message: judged.message,
      output: capOutput(message?.output ?? ''),
      durationMs: message?.durationMs ?? 0,
      detail: judged.detail,
    });
  }
  const verdict = overallVerdict(tests, outcome);
  return finish({
    verdict,
    message: overallMessage(verdict, tests, outcome, spec),
    output: capOutput(outcome.module?.output ?? ''),
    tests,
    backend: outcome.backend,
  });
}
