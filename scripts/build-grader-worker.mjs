// Bundles the learner's Web Worker (lib/grader/browser/worker.ts, with tfjs) into public/grader/worker.js, and
// the sandbox frame's script (lib/grader/browser/frame.ts, which starts those workers) into public/grader-frame/frame.js.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` into `outfile` and prints its size. */
async function bundle(label, entry, outfile) {
  const result = await esbuild.build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    format: 'esm', // loaded with new Worker(url, { type: 'module' }) and <script type="module">
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Node built-ins referenced only on tfjs's Node code paths; never reached in a browser.
    external: ['fs', 'path', 'crypto', 'worker_threads', 'perf_hooks', 'os', 'util'],
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    plugins: [
      {
        name: 'repo-alias',
        setup(build) {
          build.onResolve({ filter: /^@\// }, (args) => build.resolve(`./${args.path.slice(2)}`, { resolveDir: root, kind: args.kind }));
        },
      },
    ],
  });
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  const gzipBytes = gzipSync(readFileSync(outfile)).length; // what a browser downloads when the server compresses it
  const mb = (n) => (n / 1024 / 1024).toFixed(2);
  console.log(`${label}: ${path.relative(root, outfile)} (${mb(bytes)} MB, ${mb(gzipBytes)} MB gzipped)`);
}

await bundle('grader worker', 'lib/grader/browser/worker.ts', path.join(root, 'public', 'grader', 'worker.js'));
await bundle('grader sandbox frame', 'lib/grader/browser/frame.ts', path.join(root, 'public', 'grader-frame', 'frame.js'));
