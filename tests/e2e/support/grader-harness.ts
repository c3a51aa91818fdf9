// Builds the grader test harness (grader-harness-entry.ts with host.ts, the demo spec and tfjs) into one IIFE for page.addScriptTag.
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '../../..');

/** Bundles the harness; the page that runs it must be served by the app (the worker and wasm come from its origin). */
export async function buildGraderHarness(): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(import.meta.dirname, 'grader-harness-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
    // Node built-ins referenced only on tfjs's Node code paths; never reached in a browser.
    external: ['fs', 'path', 'crypto', 'worker_threads', 'perf_hooks', 'os', 'util'],
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'repo-alias',
        setup(build) {
          build.onResolve({ filter: /^@\// }, (args) => build.resolve(`./${args.path.slice(2)}`, { resolveDir: root, kind: args.kind }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}
