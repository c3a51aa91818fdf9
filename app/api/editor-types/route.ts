// GET /api/editor-types: the type definitions of @tensorflow/tfjs (the packages its index re-exports for
// learners), so the exercise editor autocompletes `tf.` and underlines type errors. Built once, static.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const dynamic = 'force-static';

/** Packages whose .d.ts files the editor gets; the backends' own exports are left out (nothing a learner calls). */
const TYPED_PACKAGES = ['@tensorflow/tfjs', '@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-converter', '@tensorflow/tfjs-data'];

/** One virtual file for Monaco: its path under `node_modules/` and its text. */
interface EditorTypeFile {
  path: string;
  content: string;
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.d.ts') && !e.name.endsWith('_test.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

function packageTypes(name: string): EditorTypeFile[] {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const root = path.dirname(require.resolve(`${name}/package.json`));
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; types?: string; typings?: string };
  const files: EditorTypeFile[] = [
    { path: `node_modules/${name}/package.json`, content: JSON.stringify({ name: manifest.name, version: manifest.version, types: manifest.types ?? manifest.typings }) },
  ];
  for (const file of declarationFiles(path.join(root, 'dist'))) {
    files.push({ path: `node_modules/${name}/${path.relative(root, file).split(path.sep).join('/')}`, content: readFileSync(file, 'utf8') });
  }
  return files;
}

export function GET() {
  return Response.json({ files: TYPED_PACKAGES.flatMap(packageTypes) }, { headers: { 'cache-control': 'public, max-age=86400' } });
}
