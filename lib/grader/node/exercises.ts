// Finds exercise folders by slug (content/exercises and the test fixtures) and loads their spec.ts (Node only).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exerciseSpecSchema, type ExerciseSpec } from '../spec';
import { repoRoot } from './worker-bundle';

/** Folders that hold exercise folders, relative to the repository root, searched in this order. */
export const EXERCISE_ROOTS = ['content/exercises', 'tests/fixtures/exercises'] as const;

/** One exercise folder on disk. */
export interface ExerciseLocation {
  slug: string;
  dir: string;
}

/** Every exercise folder that has a spec.ts, in slug order per root. */
export function listExercises(root = repoRoot()): ExerciseLocation[] {
  const found: ExerciseLocation[] = [];
  for (const relative of EXERCISE_ROOTS) {
    const base = path.join(root, relative);
    if (!existsSync(base)) continue;
    for (const slug of readdirSync(base).sort()) {
      const dir = path.join(base, slug);
      if (existsSync(path.join(dir, 'spec.ts'))) found.push({ slug, dir });
    }
  }
  return found;
}

/** The folder of exercise `slug`, or an error listing the slugs that exist. */
export function findExercise(slug: string, root = repoRoot()): ExerciseLocation {
  const all = listExercises(root);
  const hit = all.find((e) => e.slug === slug);
  if (!hit) throw new Error(`Unknown exercise "${slug}". Known: ${all.map((e) => e.slug).join(', ') || 'none'}`);
  return hit;
}

/** Loads and re-checks the default export of `<dir>/spec.ts` (needs a TS-aware loader: tsx or vitest). */
export async function loadSpec(location: ExerciseLocation): Promise<ExerciseSpec> {
  const loaded = (await import(pathToFileURL(path.join(location.dir, 'spec.ts')).href)) as { default?: unknown };
  const parsed = exerciseSpecSchema.safeParse(loaded.default);
  if (!parsed.success) throw new Error(`${location.dir}/spec.ts: the default export is not a spec made with defineSpec`);
  if (parsed.data.id !== location.slug) {
    throw new Error(`${location.dir}/spec.ts: id "${parsed.data.id}" does not match the folder name "${location.slug}"`);
  }
  return loaded.default as ExerciseSpec;
}
