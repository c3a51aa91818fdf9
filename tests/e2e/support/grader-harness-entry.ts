// Browser entry of the grader test harness: exposes the real browser grader (host.ts) and the demo exercise's spec on window.
import { pageSandboxFrame, SandboxFrameBroker } from '@/lib/grader/browser/frame-broker';
import { BrowserSandbox, gradeInBrowser } from '@/lib/grader/browser/host';
import type { GradeResult } from '@/lib/grader/result';
import demoSpec from '@/tests/fixtures/exercises/demo-dense-sigmoid/spec';

/** Options of one harness grading (the demo spec's budget unless given). */
export interface HarnessGradeOptions {
  includeHidden?: boolean;
  timeBudgetMs?: number;
  memoryMb?: number;
  /** The tf namespace learner code gets; the demo's own is 'from-scratch'. */
  allowList?: 'from-scratch' | 'full';
}

/** One grading as the test sees it: the result and the wall time from the call to the verdict. */
export interface HarnessGrade {
  result: GradeResult;
  elapsedMs: number;
}

/** What the harness puts on `window.__grader`. */
export interface GraderHarness {
  grade(source: string, options?: HarnessGradeOptions): Promise<HarnessGrade>;
  /** Starts the sandbox's next worker now and resolves when it has loaded tfjs (for warm timings). */
  prewarm(): Promise<void>;
  /** Terminates the waiting worker. */
  close(): void;
  /** Grades from now on with a sandbox whose frame comes from `origin` (to test a frame that cannot load). */
  useFrameAt(origin: string): void;
}

let sandbox = new BrowserSandbox();
// The page's sandbox frame (localhost ↔ 127.0.0.1), as the exercise page's grading worker uses it.
const frame = pageSandboxFrame();
if (frame) sandbox.useFrame(frame.connect());

const harness: GraderHarness = {
  async grade(source, options = {}) {
    const spec = {
      ...demoSpec,
      timeBudgetMs: options.timeBudgetMs ?? demoSpec.timeBudgetMs,
      memoryMb: options.memoryMb ?? demoSpec.memoryMb,
      allowList: options.allowList ?? demoSpec.allowList,
    };
    const started = performance.now();
    const result = await gradeInBrowser(spec, source, { includeHidden: options.includeHidden ?? false, sandbox });
    return { result, elapsedMs: performance.now() - started };
  },
  prewarm: () => sandbox.prewarmed(),
  close: () => sandbox.close(),
  useFrameAt(origin) {
    sandbox.close();
    sandbox = new BrowserSandbox();
    sandbox.useFrame(new SandboxFrameBroker(origin).connect());
  },
};

(window as unknown as { __grader: GraderHarness }).__grader = harness;
