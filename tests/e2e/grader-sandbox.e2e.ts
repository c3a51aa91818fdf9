// The browser grader in Chromium: the demo solution passes, hostile submissions get the right verdict and message,
// learner code reaches no server route nor another origin, the page stays responsive and the next run is unaffected
// (also when a learner's worker takes its whole process down: it lives in the sandbox frame, another site).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, CDPSession, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '@/lib/grader/result';
import { launchBrowser, openSession, type Session } from './support/browser';
import { buildGraderHarness } from './support/grader-harness';
import type { GraderHarness, HarnessGrade, HarnessGradeOptions } from './support/grader-harness-entry';

/** Budget for the hostile runs: long enough for a correct answer on a busy machine, short enough for three timeouts. */
const BUDGET_MS = 2_000;
const DEMO_MEMORY_MB = 256;

let browser: Browser;
let s: Session;
let solution: string;
let harness: string;
/** Every request the browser made (page and workers), in order. */
const requests: string[] = [];

const HEADER = `import * as tf from '@tensorflow/tfjs';\n`;
/** A module whose denseSigmoid runs `body` (x, w, b in scope). */
const submission = (body: string, topLevel = '', kind: 'sync' | 'async' = 'sync') =>
  `${HEADER}${topLevel}\nexport ${kind === 'async' ? 'async ' : ''}function denseSigmoid(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): any {\n${body}\n}\n`;
const CORRECT = 'return tf.sigmoid(tf.add(tf.matMul(x, w), b));';
const ZEROS = 'return tf.zeros([x.shape[0], w.shape[1]]);';

async function timedGrade(source: string, options: HarnessGradeOptions = {}): Promise<HarnessGrade> {
  return s.page.evaluate(
    ([code, opts]) => (window as unknown as { __grader: GraderHarness }).__grader.grade(code, opts),
    [source, { timeBudgetMs: BUDGET_MS, ...options }] as const,
  );
}

async function grade(source: string, options: HarnessGradeOptions = {}): Promise<GradeResult> {
  return (await timedGrade(source, options)).result;
}

/** The page answers at once, and the model answer passes in the next fresh worker. */
async function expectPageAliveAndNextRunPasses(): Promise<void> {
  await expect(s.page.evaluate(() => 1 + 1)).resolves.toBe(2);
  const next = await grade(solution);
  expect(next.verdict, next.message.en).toBe('pass');
}

const isServerRoute = (url: string) => new URL(url).pathname.startsWith('/api/');
const isWasm = (url: string) => new URL(url).pathname.startsWith('/tfjs-wasm/');

beforeAll(async () => {
  solution = await readFile(path.resolve('tests/fixtures/exercises/demo-dense-sigmoid/solution.ts'), 'utf8');
  harness = await buildGraderHarness();
  browser = await launchBrowser();
  s = await openSession(browser);
  s.context.on('request', (request: Request) => requests.push(request.url()));
  await s.page.goto('/', { waitUntil: 'networkidle' });
  await s.page.addScriptTag({ content: harness });
});

afterAll(async () => {
  const { errors, offsite } = s ?? { errors: [], offsite: [] };
  await s?.close();
  await browser?.close();
  expect(offsite, 'requests that tried to leave localhost').toEqual([]);
  expect(errors, 'console errors').toEqual([]);
});

describe('browser grader: the demo exercise', () => {
  it('passes the model answer, cold and warm, and prints the timings', async () => {
    const cold = await timedGrade(solution);
    expect(cold.result.verdict, cold.result.message.en).toBe('pass');
    expect(cold.result.backend).toBe('wasm');
    const warm: number[] = [];
    for (let k = 0; k < 5; k++) {
      await s.page.evaluate(() => (window as unknown as { __grader: GraderHarness }).__grader.prewarm());
      const run = await timedGrade(solution, { includeHidden: true });
      expect(run.result.verdict, run.result.message.en).toBe('pass');
      expect(run.result.tests).toHaveLength(4);
      warm.push(run.elapsedMs);
    }
    const backToBack: number[] = [];
    for (let k = 0; k < 3; k++) backToBack.push((await timedGrade(solution, { includeHidden: true })).elapsedMs);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `[grader timings] cold ${cold.elapsedMs.toFixed(0)} ms (2 visible cases, page tfjs + worker start + wasm); ` +
        `warm (spare worker ready) median ${median(warm).toFixed(0)} ms of [${warm.map((t) => t.toFixed(0)).join(', ')}]; ` +
        `back-to-back median ${median(backToBack).toFixed(0)} ms of [${backToBack.map((t) => t.toFixed(0)).join(', ')}] (4 cases)`,
    );
  });

  it('serves the worker with its own Content-Security-Policy', async () => {
    const response = await s.page.request.get('/grader/worker.js');
    expect(response.status()).toBe(200);
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("worker-src 'none'");
    const size = (await response.body()).length;
    console.log(`[grader worker] /grader/worker.js is ${(size / 1024 / 1024).toFixed(2)} MB`);
  });

  it('the locked-down worker still runs the full tfjs: layers, an optimizer step and tf.grad', async () => {
    const layers = `const model = tf.sequential();
model.add(tf.layers.dense({ inputShape: [x.shape[1]], units: w.shape[1], activation: 'sigmoid' }));
model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
await model.fit(tf.ones([4, x.shape[1]]), tf.zeros([4, w.shape[1]]), { epochs: 1, verbose: 0 });
const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(t, t)))(x);
if (Math.abs(tf.sum(g).dataSync()[0] - 2 * tf.sum(x).dataSync()[0]) > 1e-4) throw new Error('tf.grad is off');
model.setWeights([w, b]);
return model.predict(x);`;
    const result = await grade(submission(layers, '', 'async'), { allowList: 'full', timeBudgetMs: 20_000 });
    expect(result.verdict, result.message.en).toBe('pass');
  });

  it('names a known mistake and a wrong answer by numbers', async () => {
    const result = await grade(submission('return tf.sigmoid(tf.matMul(x, w));'));
    expect(result.verdict).toBe('fail');
    expect(result.tests[0].message.en).toMatch(/This matches a common mistake: the bias b is never added/);
  });
});

describe('browser grader: hostile submissions', () => {
  it('a sync infinite loop ends in timeout, and the page stays responsive', async () => {
    const result = await grade(submission('while (true) {}'));
    expect(result.verdict).toBe('timeout');
    expect(result.message.en).toContain(`Time limit of ${BUDGET_MS} ms exceeded`);
    expect(result.tests[0].status).toBe('timeout');
    expect(result.tests[1].message.en).toBe('Not run: the time limit was used up by an earlier test.');
    await expectPageAliveAndNextRunPasses();
  });

  it('`while (true) await 0` and a promise that never resolves end in timeout', async () => {
    for (const body of ['return (async () => { while (true) await 0; })();', 'return new Promise(() => {});']) {
      const result = await grade(submission(body));
      expect(result.verdict, body).toBe('timeout');
      expect(result.message.en).toContain(`${BUDGET_MS} ms`);
      await expectPageAliveAndNextRunPasses();
    }
  });

  it('10 MB of console output is capped at 500 characters per test and the answer is still graded', async () => {
    const result = await grade(submission(`for (let k = 0; k < 10_000; k++) console.log('x'.repeat(1000));\n${CORRECT}`));
    expect(result.verdict, result.message.en).toBe('pass');
    for (const t of result.tests) {
      expect(t.output.length).toBeLessThanOrEqual(500);
      expect(t.output).toMatch(/more characters\)$/);
    }
    await expectPageAliveAndNextRunPasses();
  });

  it('`throw null`, NaN results, a wrong shape and deep recursion each get their own verdict and message', async () => {
    const thrown = await grade(submission('throw null;'));
    expect(thrown.verdict).toBe('error');
    expect(thrown.tests[0].message.en).toBe('Thrown value: threw null (not an Error object)');

    const nan = await grade(submission('return tf.div(tf.zeros([x.shape[0], w.shape[1]]), tf.scalar(0));'));
    expect(nan.verdict).toBe('fail');
    expect(nan.tests[0].message.en).toBe('The returned value contains NaN at index [0, 0] (the first one); the reference is finite there.');

    const shape = await grade(submission(`return tf.transpose(tf.sigmoid(tf.add(tf.matMul(x, w), b)));`));
    expect(shape.verdict).toBe('fail');
    expect(shape.tests[0].message.en).toBe('The returned value has shape [4, 2]; expected shape [2, 4].');

    const recursion = await grade(submission('const r = (n: number): number => r(n + 1) + 1;\nreturn r(0);'));
    expect(recursion.verdict).toBe('error');
    expect(recursion.tests[0].message.en).toBe('RangeError: Maximum call stack size exceeded (line 4)');
    await expectPageAliveAndNextRunPasses();
  });

  it.each([
    ['one 2 GB typed array', 'const a = new Float32Array(5e8);\na.fill(1);\nreturn a;'],
    ['a 2.4 GB tensor', 'return tf.zeros([600_000_000]);'],
    ['many 40 MB tensors', 'const keep = [];\nfor (let k = 0; k < 60; k++) keep.push(tf.ones([10_000_000]));\nreturn keep[0];'],
  ])('allocating 2 GB (%s) is an error: "memory limit of N MB exceeded"', async (_label, body) => {
    const result = await grade(submission(body), { timeBudgetMs: 15_000 });
    expect(result.verdict).toBe('error');
    expect(result.message.en).toBe(`memory limit of ${DEMO_MEMORY_MB} MB exceeded`);
    await expectPageAliveAndNextRunPasses();
  });

  it('posting a fake "pass" message cannot produce a pass: the worker has no postMessage left', async () => {
    const forged = `const g = globalThis as any;
const fake = { type: 'done', verdict: 'pass', status: 'pass' };
const found = [typeof g.postMessage, typeof Object.getPrototypeOf(g).postMessage, typeof g.constructor.prototype.postMessage];
console.log(found.join(','));
try { g.postMessage(fake); } catch {}
try { Object.getPrototypeOf(g).postMessage.call(g, fake); } catch {}
${ZEROS}`;
    const result = await grade(submission(forged));
    expect(result.verdict).toBe('fail');
    expect(result.tests[0].output).toBe('undefined,undefined,undefined\n');
    await expectPageAliveAndNextRunPasses();
  });

  it.each([
    ['Math', 'Math.exp = () => 0;', "TypeError: Cannot assign to read only property 'exp' of object '#<Object>'"],
    ['Array.prototype', 'Array.prototype.map = function () { return []; } as any;', "TypeError: Cannot assign to read only property 'map' of object '[object Array]'"],
    ['Float32Array', "(globalThis as any).Float32Array = function () { throw new Error('no'); };", "TypeError: Cannot assign to read only property 'Float32Array' of object '#<DedicatedWorkerGlobalScope>'"],
    ['JSON', "JSON.parse = () => ({ verdict: 'pass' });", "TypeError: Cannot assign to read only property 'parse' of object '#<Object>'"],
    ['tf', '(tf as any).sigmoid = (t: tf.Tensor) => t;', "TypeError: Cannot assign to read only property 'sigmoid' of object '#<Object>'"],
    ['tf.Tensor.prototype', '(tf.Tensor.prototype as any).dataSync = () => new Float32Array(8);', "TypeError: Cannot assign to read only property 'dataSync' of object '[object Object]'"],
  ])('overriding %s is refused with a message that names the property', async (_label, topLevel, message) => {
    const result = await grade(submission(CORRECT, topLevel));
    expect(result.verdict).toBe('error');
    expect(result.message.en).toBe(`Your module threw while loading (line 2): ${message}`);
    // Swallowing the refusal does not help a wrong answer either.
    const wrong = await grade(submission(ZEROS, `try { ${topLevel} } catch {}`));
    expect(wrong.verdict).toBe('fail');
    await expectPageAliveAndNextRunPasses();
  });

  it("import('…') is a compile error with its line and column", async () => {
    const result = await grade(submission(`return import('/api/health');`));
    expect(result.verdict).toBe('error');
    expect(result.message.en).toBe(
      "Your code does not compile:\n4:8 Dynamic import() is not allowed: exercise code can only use `import * as tf from '@tensorflow/tfjs'`",
    );
  });

  it('globalThis.process, require and WebAssembly are absent', async () => {
    const probe = `const g = globalThis as any;
if (typeof g.process !== 'undefined') throw new Error('process is visible');
if (typeof g.require !== 'undefined') throw new Error('require is visible');
if (typeof g.WebAssembly !== 'undefined') throw new Error('WebAssembly is visible');
${CORRECT}`;
    const result = await grade(submission(probe));
    expect(result.verdict, result.tests[0]?.message.en).toBe('pass');
    const exit = await grade(submission('(globalThis as any).process.exit(1);'));
    expect(exit.verdict).toBe('error');
    expect(exit.tests[0].message.en).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'exit'\) \(line 4\)$/);
  });
});

describe('browser grader: learner code reaches neither /api/* nor another origin', () => {
  const attempts: [string, string, RegExp][] = [
    ["fetch('/api/health')", "await fetch('/api/health?from=learner-fetch');", /^ReferenceError: fetch is not defined/],
    ["fetch('http://127.0.0.1:3000/api/health')", "await (globalThis as any).fetch('http://127.0.0.1:3000/api/health?from=learner-fetch-ip');", /^TypeError: globalThis\.fetch is not a function/],
    ['fetch through the prototype chain', "await Object.getPrototypeOf(Object.getPrototypeOf(self)).fetch.call(self, '/api/health?from=learner-proto');", /^TypeError: Cannot read properties of undefined \(reading 'call'\)/],
    ['fetch through self.constructor', "await (self.constructor as any).prototype.fetch('/api/health?from=learner-ctor');", /^TypeError: self\.constructor\.prototype\.fetch is not a function/],
    ['another origin', "await (globalThis as any).fetch('http://example.com/?from=learner-offsite');", /^TypeError: globalThis\.fetch is not a function/],
    ['new XMLHttpRequest()', "const r = new XMLHttpRequest(); r.open('GET', '/api/health?from=learner-xhr', false); r.send();", /^ReferenceError: XMLHttpRequest is not defined/],
    ['importScripts', "(self as any).importScripts('/api/health?from=learner-import-scripts');", /^TypeError: self\.importScripts is not a function/],
    ['new Worker', "new Worker('/api/health?from=learner-worker');", /^ReferenceError: Worker is not defined/],
    ['WebSocket', "new WebSocket('ws://localhost:3000/api/health?from=learner-ws');", /^ReferenceError: WebSocket is not defined/],
    ['EventSource', "new (self as any).EventSource('/api/health?from=learner-sse');", /^TypeError: self\.EventSource is not a constructor/],
    ['Request through Response.prototype', "await (globalThis as any).Response.prototype.constructor('/api/health?from=learner-response');", /^TypeError: Cannot read properties of undefined \(reading 'prototype'\)/],
    ["eval(\"import('/api/…')\")", "await (0, eval)(\"import('/api/health?from=learner-eval-import')\");", /^EvalError: Evaluating strings as code is not available to exercise code/],
    ['the Function constructor from a tf function', "await (tf.add as any).constructor(\"return import('/api/health?from=learner-function')\")();", /^EvalError: Evaluating strings as code is not available to exercise code/],
    ['the async Function constructor', "await (async () => {}).constructor(\"await import('/api/health?from=learner-async-function')\")();", /^EvalError: Evaluating strings as code is not available to exercise code/],
    ['setTimeout with a string', "(self as any).setTimeout(\"import('/api/health?from=learner-timer')\", 0); await new Promise((r) => setTimeout(r, 50));", /^EvalError: Evaluating strings as code is not available to exercise code/],
    ['a font load', "await new (self as any).FontFace('f', 'url(/api/health?from=learner-font)').load();", /^TypeError: self\.FontFace is not a constructor/],
  ];

  it.each(attempts)('%s fails inside the worker with a clear error', async (_label, body, message) => {
    const result = await grade(submission(`${body}\n${CORRECT}`, '', 'async'));
    expect(result.verdict).toBe('error');
    expect(result.tests[0].message.en).toMatch(message);
  });

  it('the server saw no request from learner code, while the workers did load their wasm (the observer sees worker requests)', async () => {
    await expectPageAliveAndNextRunPasses();
    expect(requests.filter(isServerRoute), 'requests to /api/*').toEqual([]);
    expect(requests.filter((url) => url.includes('from=learner')), 'requests made by learner code').toEqual([]);
    // One wasm fetch for the page's reference, one per worker: more than one proves worker requests reach this list.
    expect(requests.filter(isWasm).length).toBeGreaterThan(1);
    expect(s.offsite).toEqual([]);
  });
});

/** Evaluates `expression` in the page over CDP: after a frame's process dies, Playwright calls the whole page crashed and refuses page.evaluate. */
async function evaluateOverCdp<T>(cdp: CDPSession, expression: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the page stopped answering: the allocation took the tab down')), 60_000);
  });
  const evaluation = cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  const { result, exceptionDetails } = await Promise.race([evaluation, silence]).finally(() => clearTimeout(timer));
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

/** A fresh context on the harness page (for tests that break or replace its sandbox), with every request it makes. */
async function openHarnessSession(): Promise<{ own: Session; seen: string[] }> {
  const own = await openSession(browser);
  const seen: string[] = [];
  own.context.on('request', (request: Request) => seen.push(request.url()));
  await own.page.goto('/', { waitUntil: 'networkidle' });
  await own.page.addScriptTag({ content: harness });
  return { own, seen };
}

describe('browser grader: a learner that exhausts the browser\'s memory with plain arrays', () => {
  it('gets "memory limit of N MB exceeded", the page lives on (the worker was in the sandbox frame: another site, another process), and the next run passes', async () => {
    const { own, seen } = await openHarnessSession();
    try {
      const cdp = await own.context.newCDPSession(own.page);
      const gradeOverCdp = (source: string, timeBudgetMs: number) =>
        evaluateOverCdp<HarnessGrade>(cdp, `window.__grader.grade(${JSON.stringify(source)}, { timeBudgetMs: ${timeBudgetMs} })`);
      // Neither a typed array nor a tensor: ordinary arrays of doubles, which no allocation guard sees.
      const hog = submission('const keep: number[][] = [];\nfor (;;) keep.push(new Array(10_000_000).fill(keep.length + 0.5));\nreturn keep;');

      const exhausted = await gradeOverCdp(hog, 30_000);
      expect(exhausted.result.verdict, exhausted.result.message.en).toBe('error');
      expect(exhausted.result.message.en).toBe(`memory limit of ${DEMO_MEMORY_MB} MB exceeded`);
      expect(exhausted.result.tests[0].message.en).toBe(`memory limit of ${DEMO_MEMORY_MB} MB exceeded`);

      // The page's own script still runs, and the next submission is graded in a new frame.
      await expect(evaluateOverCdp<number>(cdp, '1 + 1')).resolves.toBe(2);
      const next = await gradeOverCdp(solution, 30_000);
      expect(next.result.verdict, next.result.message.en).toBe('pass');

      // The learner's workers came from the other loopback name, through its frame.
      const page = new URL(own.page.url());
      const frameHost = page.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
      const fromFrameSite = (pathname: string) => seen.filter((url) => new URL(url).hostname === frameHost && new URL(url).pathname === pathname);
      expect(fromFrameSite('/grader-frame').length, 'sandbox frames loaded').toBe(2);
      expect(fromFrameSite('/grader/worker.js').length, 'learner workers started in a frame').toBeGreaterThanOrEqual(2);
      expect(seen.filter((url) => new URL(url).hostname === page.hostname && new URL(url).pathname === '/grader/worker.js'), 'learner workers nested in the page').toEqual([]);
      expect(own.errors).toEqual([]);
      expect(own.offsite).toEqual([]);
    } finally {
      await own.close();
    }
  });
});

describe('browser grader: a sandbox frame that cannot be loaded', () => {
  it('is given up after its load event, and the learner\'s code runs in a nested worker instead', async () => {
    const { own, seen } = await openHarnessSession();
    try {
      // Nothing listens on port 9: the frame's navigation fails, so it never says it is ready.
      await own.page.evaluate(() => (window as unknown as { __grader: GraderHarness }).__grader.useFrameAt('http://127.0.0.1:9'));
      const first = await own.page.evaluate((code) => (window as unknown as { __grader: GraderHarness }).__grader.grade(code, { timeBudgetMs: 15_000 }), solution);
      expect(first.result.verdict, first.result.message.en).toBe('pass');
      // Not the broker's 20 s load timeout: the frame's load event without a ready message ended the wait.
      expect(first.elapsedMs).toBeLessThan(20_000);
      const second = await own.page.evaluate((code) => (window as unknown as { __grader: GraderHarness }).__grader.grade(code, { timeBudgetMs: 15_000 }), solution);
      expect(second.result.verdict, second.result.message.en).toBe('pass');
      const pageHost = new URL(own.page.url()).host;
      expect(seen.filter((url) => url.startsWith('http://127.0.0.1:9/')).length, 'one attempt at the frame').toBe(1);
      expect(seen.filter((url) => new URL(url).host === pageHost && new URL(url).pathname === '/grader/worker.js').length, 'nested workers').toBeGreaterThanOrEqual(2);
      expect(own.offsite).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
