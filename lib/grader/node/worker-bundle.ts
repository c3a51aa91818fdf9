// Bundles the Node grading worker with esbuild into node_modules/.cache (worker_threads cannot load .ts files).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY_RELATIVE = 'lib/grader/node/worker-entry.ts';

/** The repository root: found from this module's location, else the working directory (e.g. inside a Next.js bundle). */
export function repoRoot(): string {
  const fromHere = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  if (existsSync(path.join(fromHere, ENTRY_RELATIVE))) return fromHere;
  return process.cwd();
}

let bundled: Promise<string> | undefined;

/**
 * Returns the path of the bundled worker, building it on first use. The file name carries a hash of
 * the bundle, so a changed source never runs a stale worker. Packages stay external and resolve from
 * the repository's node_modules at run time.
 */
export function workerScriptPath(): Promise<string> {
  bundled ??= buildWorker().catch((error) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

async function buildWorker(): Promise<string> {
  const root = repoRoot();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(root, ENTRY_RELATIVE)],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [
      {
        name: 'repo-alias-and-external-packages',
        setup(build) {
          build.onResolve({ filter: /^@\// }, (args) =>
            build.resolve(`./${args.path.slice(2)}`, { resolveDir: root, kind: args.kind }),
          );
          build.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  });
  const code = result.outputFiles[0].text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = path.join(root, 'node_modules', '.cache', 'lstm-prep-grader');
  const file = path.join(dir, `worker-${hash}.mjs`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, code);
    await rename(temporary, file); // atomic: parallel test processes never see half a file
  }
  return file;
}
