// Executes question snippets: TypeScript with tsx from inside the project (so `@tensorflow/tfjs`
// resolves), Python with Debian's python3 (torch, numpy). Two at a time; each has a time limit.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunnableSnippet } from './check-questions';

export interface SnippetResult {
  snippet: RunnableSnippet;
  ok: boolean;
  ms: number;
  output: string;
}

/** Debian's python3 carries torch; a python3 earlier on PATH (pyenv) may not. PYTHON overrides. */
export function pythonExecutable(): string {
  if (process.env.PYTHON) return process.env.PYTHON;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

function runOne(snippet: RunnableSnippet, index: number, workDir: string, timeoutMs: number): Promise<SnippetResult> {
  const base = `${path.basename(snippet.file, '.md')}-${snippet.line}-${index}`;
  const isTs = snippet.kind === 'typescript';
  const file = path.join(workDir, `${base}.${isTs ? 'mts' : 'py'}`);
  writeFileSync(file, snippet.code);
  const [cmd, args] = isTs ? [process.execPath, ['--import', 'tsx', file]] : [pythonExecutable(), [file]];
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 4 << 20, env: { ...process.env, PYTHONHASHSEED: '0' } }, (err, stdout, stderr) => {
      resolve({
        snippet,
        ok: !err,
        ms: performance.now() - started,
        output: err ? `${err.killed ? `killed after ${timeoutMs} ms\n` : ''}${stderr || stdout}`.trim() : '',
      });
    });
  });
}

export async function runSnippets(
  snippets: RunnableSnippet[],
  { concurrency = 2, timeoutMs = 120_000, onResult }: { concurrency?: number; timeoutMs?: number; onResult?: (r: SnippetResult) => void } = {},
): Promise<SnippetResult[]> {
  const workDir = path.join(process.cwd(), 'node_modules', '.cache', 'lstm-prep-snippets');
  mkdirSync(workDir, { recursive: true });
  const results: SnippetResult[] = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, snippets.length) }, async () => {
    while (next < snippets.length) {
      const i = next++;
      const r = await runOne(snippets[i], i, workDir, timeoutMs);
      results[i] = r;
      onResult?.(r);
    }
  });
  await Promise.all(workers);
  return results;
}
