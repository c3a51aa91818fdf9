// content:check for exercises: every solution passes, every starter fails, every known mistake is named by the grader.
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gradeSubmission } from '@/lib/grader/grade';
import { listExercises, loadSpec, NodeSandbox, type ExerciseLocation } from '@/lib/grader/node';
import type { GradeResult } from '@/lib/grader/result';
import type { CaseSpec } from '@/lib/grader/spec';

/** One proven (or disproven) claim about an exercise. */
export interface ExerciseCheck {
  slug: string;
  /** e.g. "solution.ts passes (seed 3)", "mistakes/forgot-bias.ts is named forgot-bias". */
  claim: string;
  ok: boolean;
  /** Why it failed, or empty. */
  detail: string;
}

/** Options of {@link checkExercises}. */
export interface CheckOptions {
  /** Five seeds with every hidden case, instead of one seed with the visible cases. */
  full?: boolean;
  /** Only these slugs (default: every exercise folder, including the test fixtures). */
  slugs?: string[];
  sandbox?: NodeSandbox;
  /** Exercises checked at once, each in its own sandbox (default 1). */
  concurrency?: number;
}

const FAST_SEEDS = [1];

/** Seeds 1…n of a full check (n from the spec: model exercises train, so they use fewer). */
const fullSeeds = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The known mistake a test names, from either kind of detail. */
function namedMistake(test: GradeResult['tests'][number]): string | null {
  const d = test.detail;
  return d && (d.kind === 'tensor' || d.kind === 'metric') ? (d.mistake?.id ?? null) : null;
}

function summary(result: GradeResult): string {
  const firstBad = result.tests.find((t) => t.status !== 'pass');
  return `${result.verdict}: ${result.message.en}${firstBad ? ` | ${firstBad.name}: ${firstBad.message.en}` : ''}`;
}

/** Every check of one exercise, in a fixed order (nothing is thrown for a failing check). */
async function checkExercise(location: ExerciseLocation, sandbox: NodeSandbox, full: boolean): Promise<ExerciseCheck[]> {
  const includeHidden = full;
  const checks: ExerciseCheck[] = [];
  const spec = await loadSpec(location);
  const seeds = full ? fullSeeds(spec.fullCheckSeeds) : FAST_SEEDS;
  const mistakeSeeds = seeds.slice(0, spec.mistakeCheckSeeds ?? seeds.length);
  const read = (relative: string) => readFile(path.join(location.dir, relative), 'utf8');
  const grade = async (relative: string, seed: number, caseFilter?: (c: CaseSpec) => boolean) =>
    gradeSubmission(spec, await read(relative), sandbox, { includeHidden, seed, caseFilter });
  const add = (claim: string, ok: boolean, detail = '') => checks.push({ slug: location.slug, claim, ok, detail });

  for (const seed of seeds) {
    const result = await grade('solution.ts', seed);
    add(`solution.ts passes (seed ${seed})`, result.verdict === 'pass', result.verdict === 'pass' ? '' : summary(result));
  }
  const starter = await grade('starter.ts', seeds[0]);
  add('starter.ts fails', starter.verdict !== 'pass', starter.verdict !== 'pass' ? '' : 'the starter passes every test');

  const mistakeDir = path.join(location.dir, 'mistakes');
  const files = existsSync(mistakeDir) ? readdirSync(mistakeDir).filter((f) => f.endsWith('.ts')).sort() : [];
  const ids = new Set(spec.knownMistakes.map((m) => m.id));
  for (const id of ids) {
    if (!files.includes(`${id}.ts`)) add(`known mistake ${id} has mistakes/${id}.ts`, false, 'no deliberately wrong solution proves it');
  }
  for (const file of files) {
    const id = file.replace(/\.ts$/, '');
    if (!ids.has(id)) {
      add(`mistakes/${file} belongs to a known mistake`, false, `the spec has no known mistake "${id}"`);
      continue;
    }
    // A mistake recognised by numbers or a predicate is proven without the training cases (they only cost
    // time); one only a metric's diagnosis can name needs them.
    const mistake = spec.knownMistakes.find((k) => k.id === id)!;
    const byOutput = Boolean(mistake.variant || mistake.matches);
    for (const seed of mistakeSeeds) {
      const result = await grade(`mistakes/${file}`, seed, byOutput ? (c) => !c.queries : undefined);
      const named = result.tests.filter((t) => namedMistake(t) === id).length;
      const wrongName = result.tests.find((t) => namedMistake(t) !== null && namedMistake(t) !== id);
      const ok = result.verdict === 'fail' && named > 0 && !wrongName;
      const detail = ok ? '' : wrongName ? `named ${namedMistake(wrongName)} instead` : summary(result);
      add(`mistakes/${file} is named ${id} (seed ${seed})`, ok, detail);
    }
  }
  return checks;
}

/**
 * Runs every check on every exercise (in `concurrency` sandboxes at once: model exercises train, and
 * training uses one core) and returns them in exercise order.
 */
export async function checkExercises(options: CheckOptions = {}): Promise<ExerciseCheck[]> {
  const locations = listExercises().filter((l) => !options.slugs || options.slugs.includes(l.slug));
  const lanes = options.sandbox ? 1 : Math.max(1, Math.min(options.concurrency ?? 1, locations.length));
  const sandboxes = options.sandbox ? [options.sandbox] : Array.from({ length: lanes }, () => new NodeSandbox({ warm: true }));
  const results: ExerciseCheck[][] = new Array(locations.length);
  let next = 0;
  try {
    await Promise.all(
      sandboxes.map(async (sandbox) => {
        while (next < locations.length) {
          const k = next++;
          results[k] = await checkExercise(locations[k], sandbox, options.full ?? false);
        }
      }),
    );
  } finally {
    if (!options.sandbox) await Promise.all(sandboxes.map((s) => s.close()));
  }
  return results.flat();
}

async function main(): Promise<number> {
  const full = process.argv.includes('--full');
  const slugs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const started = performance.now();
  // One exercise per core: each grading runs learner code in one single-threaded worker.
  const checks = await checkExercises({ full, slugs: slugs.length > 0 ? slugs : undefined, concurrency: availableParallelism() });
  for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.slug}: ${c.claim}${c.detail ? `\n       ${c.detail}` : ''}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`${checks.length - failed}/${checks.length} exercise checks passed (${full ? 'full: every seed the spec asks for, hidden cases' : 'fast: one seed'}) in ${Math.round(performance.now() - started)} ms`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
