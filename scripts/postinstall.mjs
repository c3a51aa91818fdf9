// After `npm install`: generate the Prisma client, copy tfjs's wasm binaries into public/ so the
// browser loads them from our own origin (never a CDN), and bundle the grader's Web Worker.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const generate = spawnSync(process.execPath, ['scripts/prisma-generate.mjs'], { stdio: 'inherit' });
if (generate.status !== 0) process.exit(generate.status ?? 1);

const wasmDir = path.join('node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
const target = path.join('public', 'tfjs-wasm');
mkdirSync(target, { recursive: true });
const files = readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'));
for (const f of files) copyFileSync(path.join(wasmDir, f), path.join(target, f));
console.log(`Copied ${files.length} tfjs wasm files to ${target}/`);

const worker = spawnSync(process.execPath, ['scripts/build-grader-worker.mjs'], { stdio: 'inherit' });
if (worker.status !== 0) process.exit(worker.status ?? 1);
