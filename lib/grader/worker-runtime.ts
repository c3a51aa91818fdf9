// Inside the learner's worker (Node and browser alike): evaluate the compiled module, run each case, read results back.
import { createTfNamespace, TFJS_MODULE } from './allow-list';
import { isLayersModelLike, summarizeLayersModel } from './model-summary';
import type { CaseMessage, CaseRequest, LearnerError, RunReply, RunRequest } from './protocol';
import { OUTPUT_LIMIT } from './result';
import { createTrainingContext } from './training-context';
import { shapeSize, tensorToValue, valueToArgument, type TensorFactory, type TensorLike, type WireValue } from './values';

/** The parts of the full tfjs namespace the runtime itself uses (besides handing it to the allow-list). */
export interface RuntimeTf extends TensorFactory {
  Tensor: abstract new (...args: never[]) => unknown;
  /** tf.layers' wrapper for plain callback objects (absent only in stripped-down test doubles). */
  CustomCallback?: new (args: { onEpochEnd(epoch: number, logs?: Record<string, number>): Promise<void> }) => {
    onEpochEnd(epoch: number, logs?: Record<string, number>): Promise<void>;
  };
  engine(): { startScope(): void; endScope(): void };
}

/** A console that writes into a capped buffer: 10 MB of logging costs a counter, not memory. */
export class OutputCapture {
  private text = '';
  private dropped = 0;

  /** Appends one console line, keeping at most OUTPUT_LIMIT characters. */
  write(line: string): void {
    const room = OUTPUT_LIMIT - this.text.length;
    const piece = line + '\n';
    if (room >= piece.length) this.text += piece;
    else {
      if (room > 0) this.text += piece.slice(0, room);
      this.dropped += piece.length - Math.max(room, 0);
    }
  }

  /** Returns the captured text (with a note on how much was dropped) and starts afresh. */
  take(): string {
    const out = this.dropped > 0 ? `${this.text}\n… (${this.dropped} more characters)` : this.text;
    this.text = '';
    this.dropped = 0;
    return out;
  }
}

function safeString(value: unknown, tf: RuntimeTf): string {
  try {
    if (typeof value === 'string') return value;
    if (value instanceof tf.Tensor) return String((value as { toString(): string }).toString());
    if (typeof value === 'object' && value !== null) return JSON.stringify(value)?.slice(0, OUTPUT_LIMIT) ?? String(value);
    return String(value);
  } catch {
    return '[unprintable value]';
  }
}

/** Formats console.log arguments the way a learner expects, without ever throwing. */
export function formatConsoleArgs(args: unknown[], tf: RuntimeTf): string {
  return args.map((a) => safeString(a, tf).slice(0, OUTPUT_LIMIT)).join(' ');
}

/** Turns anything learner code threw into plain data, with the line in `sourceName` when the stack names it. */
export function describeThrown(thrown: unknown, sourceName: string, lineOffset: number): LearnerError {
  try {
    if (typeof thrown === 'object' && thrown !== null && typeof (thrown as { message?: unknown }).message === 'string') {
      const e = thrown as { name?: unknown; message: string; stack?: unknown };
      const stack = typeof e.stack === 'string' ? e.stack : '';
      const match = new RegExp(`${sourceName.replace(/\./g, '\\.')}:(\\d+):\\d+`).exec(stack);
      const line = match ? Number(match[1]) + lineOffset : null;
      return {
        name: typeof e.name === 'string' ? e.name.slice(0, 100) : 'Error',
        message: e.message.slice(0, 1000),
        line: line !== null && line > 0 ? line : null,
      };
    }
    const shown = thrown === null ? 'null' : typeof thrown === 'string' ? JSON.stringify(thrown.slice(0, 200)) : String(thrown);
    return { name: 'Thrown value', message: `threw ${shown} (not an Error object)`, line: null };
  } catch {
    return { name: 'Thrown value', message: 'threw a value that cannot be described', line: null };
  }
}

/** Something wrong with what a learner's function returned; `subject` names the function in the message. */
class OutputError extends Error {
  constructor(
    message: string,
    readonly subject: string | null = null,
  ) {
    super(message);
  }
}

function isPlainRecord(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Reads what a learner's function returned into a wire value; tensors are read with dataSync(). */
export function readReturnedValue(value: unknown, tf: RuntimeTf, budget: { elements: number }, depth = 0): WireValue {
  if (depth > 8) throw new OutputError('the returned value is nested more than 8 levels deep');
  if (value instanceof tf.Tensor) {
    const t = value as unknown as TensorLike;
    budget.elements -= shapeSize(t.shape);
    if (budget.elements < 0) throw new OutputError('the returned tensors are far larger than the expected output');
    return tensorToValue(t);
  }
  if (value === null) return { kind: 'null' };
  switch (typeof value) {
    case 'number':
      return { kind: 'number', value };
    case 'boolean':
      return { kind: 'boolean', value };
    case 'string':
      return { kind: 'string', value: value.slice(0, 1000) };
    case 'undefined':
      throw new OutputError('returned undefined (is a `return` statement missing?)');
    case 'object': {
      if (ArrayBuffer.isView(value)) throw new OutputError('returned a typed array: return a tf.Tensor instead');
      if (Array.isArray(value)) return { kind: 'list', items: value.map((v) => readReturnedValue(v, tf, budget, depth + 1)) };
      if (isLayersModelLike(value)) return summarizeLayersModel(value);
      if (isPlainRecord(value)) {
        const entries: Record<string, WireValue> = {};
        for (const key of Object.keys(value)) entries[key] = readReturnedValue((value as Record<string, unknown>)[key], tf, budget, depth + 1);
        return { kind: 'record', entries };
      }
      if (typeof (value as { then?: unknown }).then === 'function') throw new OutputError('returned a Promise inside a value');
      throw new OutputError('returned an object that is not a tensor, model, list or plain object');
    }
    default:
      throw new OutputError(`returned a ${typeof value}, not a tensor`);
  }
}

/** How the host environment turns compiled JS into the module function, inside its sandbox. */
export interface ModuleEvaluator {
  /** Evaluates `(function (require, exports, module) {…})` with `console` as the only extra global. */
  evaluate(code: string, console: Record<string, (...args: unknown[]) => void>): unknown;
  /** Name learner frames carry in stack traces, and how far its line numbers are off the learner's source. */
  sourceName: string;
  lineOffset: number;
  /** Seeds Math.random in the learner's realm and in tfjs's (training cases repeat exactly). */
  reseedRandom(seed: number): void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs one request: evaluates the module once, then each case in order, posting every reply as it happens. */
export async function runLearnerJob(
  request: RunRequest,
  tf: RuntimeTf & Record<string, unknown>,
  evaluator: ModuleEvaluator,
  post: (reply: RunReply) => void,
): Promise<void> {
  const { nonce } = request;
  const capture = new OutputCapture();
  const log = (...args: unknown[]) => capture.write(formatConsoleArgs(args, tf));
  const learnerConsole = { log, info: log, warn: log, error: log, debug: log, trace: log };
  const namespace = createTfNamespace(tf, request.allowList);
  const describe = (e: unknown) => describeThrown(e, evaluator.sourceName, evaluator.lineOffset);

  const moduleObject: { exports: Record<string, unknown> } = { exports: {} };
  const fakeRequire = (id: unknown) => {
    if (id === TFJS_MODULE) return namespace;
    throw new Error(`Only '${TFJS_MODULE}' can be imported in an exercise (found '${String(id)}')`);
  };
  try {
    const moduleFunction = evaluator.evaluate(request.code, learnerConsole);
    if (typeof moduleFunction !== 'function') throw new Error('the compiled module is not a function');
    moduleFunction(fakeRequire, moduleObject.exports, moduleObject);
  } catch (error) {
    post({ type: 'module', nonce, error: describe(error), output: capture.take() });
    post({ type: 'done', nonce });
    return;
  }
  post({ type: 'module', nonce, error: null, output: capture.take() });

  for (const testCase of request.cases) {
    const started = now();
    let value: WireValue | null = null;
    let error: LearnerError | null = null;
    tf.engine().startScope();
    try {
      const exported = moduleObject.exports[testCase.entry];
      if (typeof exported !== 'function') {
        throw new OutputError(`solution.ts must export a function named ${testCase.entry}`);
      }
      const args = testCase.args.map((arg) => valueToArgument(tf, arg));
      const budget = { elements: request.maxOutputElements };
      value = testCase.training
        ? await runTrainingCase(testCase, exported as (...a: unknown[]) => unknown, args, tf, evaluator, budget, post, nonce)
        : readReturnedValue(await exported(...args), tf, budget);
    } catch (thrown) {
      error = thrown instanceof OutputError ? outputErrorOf(thrown, testCase.entry) : describe(thrown);
    } finally {
      try {
        tf.engine().endScope();
      } catch {
        // learner code may have disposed tensors twice; the scope is gone either way
      }
    }
    const message: CaseMessage = {
      type: 'case',
      nonce,
      index: testCase.index,
      value,
      error,
      output: capture.take(),
      durationMs: Math.max(0, now() - started),
    };
    post(message);
  }
  post({ type: 'done', nonce });
}

function outputErrorOf(thrown: OutputError, entry: string): LearnerError {
  const message = thrown.message.startsWith('solution.ts') ? thrown.message : `${thrown.subject ?? entry} ${thrown.message}`;
  return { name: 'OutputError', message, line: null };
}

/**
 * A training case: `entry(...args, ctx)` must return a predictor; the predictor then answers each query
 * alone, in the host's order, and the answers come back as one list. Math.random is seeded first.
 */
async function runTrainingCase(
  testCase: CaseRequest,
  exported: (...args: unknown[]) => unknown,
  args: unknown[],
  tf: RuntimeTf,
  evaluator: ModuleEvaluator,
  budget: { elements: number },
  post: (reply: RunReply) => void,
  nonce: string,
): Promise<WireValue> {
  const training = testCase.training!;
  evaluator.reseedRandom(training.seed);
  const Wrapper = tf.CustomCallback;
  const ctx = createTrainingContext(
    training.seed,
    (point) => post({ type: 'progress', nonce, index: testCase.index, ...point }),
    Wrapper ? (callbacks) => new Wrapper(callbacks) : undefined,
  );
  const predictor = await exported(...args, ctx);
  if (typeof predictor !== 'function') {
    const got = predictor === undefined ? 'undefined (is a `return` statement missing?)' : predictor === null ? 'null' : `a ${typeof predictor}`;
    throw new OutputError(`must return a predictor function, e.g. \`return (window) => model.predict(window)\`; it returned ${got}`);
  }
  const answers: WireValue[] = [];
  for (const query of training.queries) {
    tf.engine().startScope();
    try {
      const answer = await (predictor as (...q: unknown[]) => unknown)(...query.map((q) => valueToArgument(tf, q)));
      answers.push(readReturnedValue(answer, tf, budget));
    } catch (thrown) {
      if (thrown instanceof OutputError) throw new OutputError(thrown.message, 'the predictor returned by ' + testCase.entry);
      throw thrown;
    } finally {
      try {
        tf.engine().endScope();
      } catch {
        // as above
      }
    }
  }
  return { kind: 'list', items: answers };
}
