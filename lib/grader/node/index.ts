// Node entry of the grader: grade a submission by exercise slug in a worker_threads sandbox.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gradeSubmission, type GradeOptions } from '../grade';
import type { GradeResult } from '../result';
import type { ExerciseSpec } from '../spec';
import { findExercise, loadSpec } from './exercises';
import { NodeSandbox } from './sandbox';

export { findExercise, listExercises, loadSpec, type ExerciseLocation } from './exercises';
export { NodeSandbox } from './sandbox';

let sharedSandbox: NodeSandbox | undefined;

/** The process-wide sandbox used when none is passed (cold workers; call prewarm() for a warm pool). */
export function defaultNodeSandbox(): NodeSandbox {
  sharedSandbox ??= new NodeSandbox({ warm: false });
  return sharedSandbox;
}

/** Options of {@link gradeInNode}. */
export interface NodeGradeOptions extends GradeOptions {
  sandbox?: NodeSandbox;
}

/** Grades TypeScript `source` against exercise `slugOrSpec` (a slug or a loaded spec). */
export async function gradeInNode(slugOrSpec: string | ExerciseSpec, source: string, options: NodeGradeOptions): Promise<GradeResult> {
  const spec = typeof slugOrSpec === 'string' ? await loadSpec(findExercise(slugOrSpec)) : slugOrSpec;
  return gradeSubmission(spec, source, options.sandbox ?? defaultNodeSandbox(), options);
}

/** Reads a file of the exercise folder (solution.ts, starter.ts, mistakes/<id>.ts). */
export async function readExerciseFile(slug: string, relative: string): Promise<string> {
  return readFile(path.join(findExercise(slug).dir, relative), 'utf8');
}
