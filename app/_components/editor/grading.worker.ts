// The exercise page's grading worker: computes references with tfjs and compares off the main thread,
// running the learner's code in the grader's own sandbox worker (/grader/worker.js), in the page's sandbox frame.
import { BrowserSandbox, gradeInBrowser } from '@/lib/grader/browser/host';
import { DEFAULT_SEED } from '@/lib/grader/grade';
import type { ExerciseSpec } from '@/lib/grader/spec';
import { ready } from '@/lib/tfjs';
import { trainingBaselineOf } from '../results/training-baseline';
import { loadBrowserSpec } from './exercise-specs';
import { gradingRequestSchema, type GradingReply } from './grading-protocol';

const sandbox = new BrowserSandbox();

/**
 * Computes the reference of the first case compared with it, once, and throws the answer away: the
 * kernels it uses are then set up before the first Run, which otherwise pays for them in its verdict time.
 */
async function warmUpReference(spec: ExerciseSpec): Promise<void> {
  const first = spec.cases.find((c) => c.visibility === 'visible' && !c.metric && !c.check);
  if (!first) return;
  try {
    await spec.reference(first.generate(DEFAULT_SEED), first.entry ?? spec.entries[0]);
  } catch {
    // the grading itself will report a broken reference
  }
}

function reply(message: GradingReply): void {
  self.postMessage(message);
}

self.onmessage = async (event: MessageEvent) => {
  if (sandbox.acceptFrameOffer(event)) return;
  const parsed = gradingRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const request = parsed.data;
  if (request.type === 'prewarm') {
    try {
      const [spec, backend] = await Promise.all([loadBrowserSpec(request.exerciseId), ready(), sandbox.prewarmed()]);
      await warmUpReference(spec);
      reply({ type: 'warm', backend });
    } catch {
      // A failed warm-up is retried by the first grading, which reports its own error.
    }
    return;
  }
  try {
    const spec = await loadBrowserSpec(request.exerciseId);
    const result = await gradeInBrowser(spec, request.source, {
      includeHidden: request.includeHidden,
      sandbox,
      onProgress: ({ testName, epoch, loss, valLoss, metric }) =>
        reply({
          type: 'progress',
          runId: request.runId,
          point: { testName, epoch, loss, valLoss, metric, baseline: trainingBaselineOf(spec.cases.find((c) => c.name === testName)) },
        }),
    });
    reply({ type: 'result', runId: request.runId, result });
  } catch (error) {
    reply({ type: 'failed', runId: request.runId, message: error instanceof Error ? error.message : String(error) });
  }
};
