// TypeScript → a JS function body for the sandbox (sucrase), with import rules and line:column errors in the learner's source.
import { transform } from 'sucrase';
import { parse, type SucraseToken } from 'sucrase/dist/parser/index.js';
import { formatTokenType } from 'sucrase/dist/parser/tokenizer/types.js';
import { TFJS_MODULE } from './allow-list';

/** A compile error at a position in the learner's source (line and column start at 1). */
export interface CompileError {
  line: number;
  column: number;
  message: string;
}

/** Either the compiled module or the errors that stop it compiling. */
export type CompileResult = { ok: true; js: string } | { ok: false; errors: CompileError[] };

/**
 * The compiled module is one JS expression: a function `(require, exports, module) => void` in strict
 * mode, with the learner's lines kept on the same line numbers (sucrase preserves lines).
 */
const WRAPPER_START = '(function (require, exports, module) {';
const WRAPPER_END = '\n})';

function positionOf(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < source.length; k++) {
    if (source.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function syntaxErrorOf(source: string, error: unknown): CompileError {
  const e = error as { message?: string; pos?: number; loc?: { line: number; column: number } };
  const message = String(e?.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, '');
  if (e?.loc) return { line: e.loc.line, column: e.loc.column, message: `Syntax error: ${message}` };
  const at = typeof e?.pos === 'number' ? positionOf(source, e.pos) : { line: 1, column: 1 };
  return { ...at, message: `Syntax error: ${message}` };
}

/** Checks the import rules on the token stream (never on raw text, so comments and strings are ignored). */
function checkImports(source: string, tokens: SucraseToken[]): CompileError[] {
  const errors: CompileError[] = [];
  const kind = (k: number) => (tokens[k] ? formatTokenType(tokens[k].type) : 'eof');
  const text = (k: number) => (tokens[k] ? source.slice(tokens[k].start, tokens[k].end) : '');
  const errorAt = (k: number, message: string) => errors.push({ ...positionOf(source, tokens[k].start), message });

  for (let k = 0; k < tokens.length; k++) {
    const type = kind(k);
    if (type === 'import') {
      const next = text(k + 1);
      if (next === '(') {
        errorAt(k, "Dynamic import() is not allowed: exercise code can only use `import * as tf from '@tensorflow/tfjs'`");
        continue;
      }
      if (next === '.') {
        errorAt(k, 'import.meta is not available in exercise code');
        continue;
      }
      // A static import declaration: the module name is the first string token after `import`.
      let s = k + 1;
      while (s < tokens.length && kind(s) !== 'string' && text(s) !== ';' && kind(s) !== 'import') s++;
      if (kind(s) !== 'string') continue; // `import x = …` TS forms reach the require() check below
      const moduleName = text(s).slice(1, -1);
      if (moduleName === TFJS_MODULE) continue;
      const typeOnlyKeyword = text(k + 1) === 'type' && text(k + 2) !== 'from' && text(k + 2) !== ',';
      const names = tokens.slice(k + 1, s).filter((t) => formatTokenType(t.type) === 'name' && source.slice(t.start, t.end) !== 'from');
      const allTypeSpecifiers = names.length > 0 && names.every((t) => t.isType);
      if (typeOnlyKeyword || allTypeSpecifiers) continue;
      errorAt(
        s,
        `Only '${TFJS_MODULE}' can be imported in an exercise (found '${moduleName}'); \`import type\` is allowed for types`,
      );
    } else if (type === 'name' && text(k) === 'require' && text(k + 1) === '(' && text(k - 1) !== '.') {
      errorAt(k, "require() is not available: use `import * as tf from '@tensorflow/tfjs'`");
    }
  }
  return errors;
}

/**
 * Compiles a learner's TypeScript module into a JS function expression for the sandbox, or returns
 * the syntax and import errors with their line and column in the learner's source.
 */
export function compileLearnerModule(source: string): CompileResult {
  let tokens: SucraseToken[];
  try {
    tokens = parse(source, false, true, false).tokens;
  } catch (error) {
    return { ok: false, errors: [syntaxErrorOf(source, error)] };
  }
  const errors = checkImports(source, tokens);
  if (errors.length > 0) return { ok: false, errors };
  let code: string;
  try {
    code = transform(source, {
      transforms: ['typescript', 'imports'],
      production: true,
      disableESTransforms: true,
      filePath: 'solution.ts',
    }).code;
  } catch (error) {
    return { ok: false, errors: [syntaxErrorOf(source, error)] };
  }
  return { ok: true, js: `${WRAPPER_START}${code}${WRAPPER_END}` };
}

/** Formats compile errors as `line:column message` lines. */
export function formatCompileErrors(errors: CompileError[]): string {
  return errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n');
}
