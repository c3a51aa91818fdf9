// `npm run grade -- <exercise-slug> <file.ts> [--json] [--hidden] [--seed N] [--lang zh]`: grade a file, exit 0 on pass.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { defaultNodeSandbox, gradeInNode } from '@/lib/grader/node';
import { verdictText, type GradeResult, type Language } from '@/lib/grader/result';

const USAGE = 'usage: npm run grade -- <exercise-slug> <file.ts> [--json] [--hidden] [--seed N] [--lang en|zh]';

/** Renders a result for a terminal. */
export function formatResult(result: GradeResult, lang: Language): string {
  const lines = [
    `${result.exerciseId}: ${verdictText(result.verdict, lang)} (${result.verdict}) — ${result.message[lang]}`,
    `  grader ${result.version}, backend ${result.backend}, seed ${result.seed}, ${result.includesHidden ? 'all cases' : 'visible cases'}, ${Math.round(result.durationMs)} ms`,
  ];
  if (result.output) lines.push(`  module output:\n${indent(result.output, '    | ')}`);
  for (const t of result.tests) {
    lines.push(`  [${t.status}] ${t.name}${t.visibility === 'hidden' ? ' (hidden)' : ''} — ${Math.round(t.durationMs)} ms`);
    lines.push(indent(t.message[lang], '      '));
    if (t.detail?.kind === 'metric' && Object.keys(t.detail.extras).length > 0) {
      lines.push(`      ${Object.entries(t.detail.extras).map(([k, v]) => `${k} = ${Number(v.toPrecision(4))}`).join(', ')}`);
    }
    if (t.output) lines.push(indent(t.output, '      | '));
  }
  return lines.join('\n');
}

function indent(text: string, prefix: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      hidden: { type: 'boolean', default: false },
      seed: { type: 'string' },
      lang: { type: 'string', default: 'en' },
    },
  });
  const [slug, file] = positionals;
  if (!slug || !file || (values.lang !== 'en' && values.lang !== 'zh')) {
    console.error(USAGE);
    return 2;
  }
  const source = await readFile(file, 'utf8');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    console.error(`--seed must be an integer\n${USAGE}`);
    return 2;
  }
  const result = await gradeInNode(slug, source, { includeHidden: values.hidden, seed });
  await defaultNodeSandbox().close();
  console.log(values.json ? JSON.stringify(result, null, 2) : formatResult(result, values.lang));
  return result.verdict === 'pass' ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    },
  );
}
