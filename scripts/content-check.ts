// `npm run content:check [-- --full]`: checks everything under content/. Questions: schema, both
// languages, sections, KaTeX, links, Keras↔TensorFlow.js pairing, and their TypeScript snippets run;
// with --full their Python (PyTorch/NumPy) snippets run too. Exercises: every solution passes, every
// starter fails, every known mistake is named (one seed; --full: every seed the spec asks for — five, three for model exercises — with hidden cases).
// Exits 1 on any problem.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { checkQuestions } from '../lib/content/check-questions';
import { runSnippets } from '../lib/content/run-snippets';
import { checkExercises } from './content-check-exercises';

const full = process.argv.includes('--full');
const rel = (f: string) => path.relative(process.cwd(), f);
let failures = 0;

const { problems, snippets, count } = await checkQuestions();
for (const p of problems) console.error(`✗ ${rel(p.file)}: ${p.message}`);
failures += problems.length;
console.log(`questions: ${count} checked (schema, sections, KaTeX, links), ${problems.length} problem(s)`);

const toRun = snippets.filter((s) => s.kind === 'typescript' || full);
console.log(`snippets: running ${toRun.length} (${full ? 'TypeScript and Python' : 'TypeScript; Python with --full'})`);
const results = await runSnippets(toRun, {
  onResult: (r) => {
    const where = `${rel(r.snippet.file)}:${r.snippet.line} (${r.snippet.kind})`;
    if (r.ok) console.log(`  ✓ ${where} ${Math.round(r.ms)} ms`);
    else console.error(`  ✗ ${where}\n${r.output.split('\n').slice(-15).map((l) => `      ${l}`).join('\n')}`);
  },
});
const failed = results.filter((r) => !r.ok).length;
failures += failed;
console.log(`snippets: ${results.length - failed} passed, ${failed} failed`);

const started = performance.now();
// One exercise per core: each grading runs learner code in one single-threaded worker.
const checks = await checkExercises({ full, concurrency: availableParallelism() });
for (const c of checks) {
  if (c.ok) console.log(`  ✓ ${c.slug}: ${c.claim}`);
  else console.error(`  ✗ ${c.slug}: ${c.claim}\n      ${c.detail}`);
}
const failedChecks = checks.filter((c) => !c.ok).length;
failures += failedChecks;
console.log(
  `exercises: ${checks.length - failedChecks} passed, ${failedChecks} failed (${full ? 'every seed the spec asks for, hidden cases' : 'one seed, visible cases'}; ${Math.round(performance.now() - started)} ms)`,
);

process.exit(failures ? 1 : 0);
