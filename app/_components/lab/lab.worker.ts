// The lab's worker: reference traces and gradient curves with tfjs off the main thread; the learner's drafts run in the grader's sandbox worker (in the page's sandbox frame).
import { BrowserSandbox } from '@/lib/grader/browser/host';
import type { CallLimits } from '@/lib/grader/run-calls';
import { traceLstm } from '@/lib/lab/gate-trace';
import { gradientFlowCurves } from '@/lib/lab/gradient-flow';
import { traceGru } from '@/lib/lab/gru-trace';
import { disposeLabModel, labModelFromWeights, predictSequences } from '@/lib/lab/lab-weights';
import { learnerCellSteps, learnerForward, learnerGradientNorms } from '@/lib/lab/learner-runs';
import type { PresetTask } from '@/lib/lab/presets';
import { shippedWeights } from '@/lib/lab/shipped-weights';
import { ready } from '@/lib/tfjs';
import { loadBrowserSpec } from '../editor/exercise-specs';
import { labRequestSchema, type LabReply, type LabRequest } from './lab-protocol';

// Its workers start on the first learner run only: most visits never run learner code.
let sandbox: BrowserSandbox | null = null;
const learnerSandbox = () => (sandbox ??= new BrowserSandbox(undefined, false));

function reply(message: LabReply): void {
  self.postMessage(message);
}

/** The shipped LSTM's trace and readout over `inputs`, plus the GRU's trace when asked. */
function referenceTrace(task: PresetTask, inputs: number[], withGru: boolean) {
  const steps = inputs.map((x) => [x]); // [T][1]
  const lstm = labModelFromWeights(shippedWeights(task, 'lstm'));
  try {
    if (lstm.recurrent.cell !== 'lstm') throw new Error('the LSTM weights hold another cell');
    const trace = traceLstm(lstm.recurrent.params, steps);
    const predictions = predictSequences(lstm, [inputs])[0];
    let gru = null;
    if (withGru) {
      const model = labModelFromWeights(shippedWeights(task, 'gru'));
      try {
        if (model.recurrent.cell !== 'gru') throw new Error('the GRU weights hold another cell');
        gru = { values: traceGru(model.recurrent.params, steps).values };
      } finally {
        disposeLabModel(model);
      }
    }
    return { trace, predictions, gru };
  } finally {
    disposeLabModel(lstm);
  }
}

/** The sandbox limits the exercise itself grades under. */
async function limitsOf(exerciseId: string): Promise<CallLimits> {
  const spec = await loadBrowserSpec(exerciseId);
  return { allowList: spec.allowList, timeBudgetMs: spec.timeBudgetMs, memoryMb: spec.memoryMb };
}

async function answer(request: LabRequest): Promise<LabReply> {
  await ready();
  switch (request.type) {
    case 'trace': {
      const { trace, predictions, gru } = referenceTrace(request.task, request.inputs, request.withGru);
      return { type: 'trace', id: request.id, lstm: { preActivations: trace.preActivations, values: trace.values }, gru, predictions };
    }
    case 'gradient-flow': {
      const curves = gradientFlowCurves(request.settings);
      return { type: 'gradient-flow', id: request.id, rnn: curves.rnn, lstm: curves.lstm };
    }
    case 'learner-trace': {
      const weights = shippedWeights(request.task, 'lstm');
      const { trace } = referenceTrace(request.task, request.inputs, false);
      // One after the other: each run starts its own sandbox worker, and two cores are shared with the page.
      const cellStep = request.cellStepSource
        ? await learnerCellSteps(learnerSandbox(), request.cellStepSource, weights, trace, await limitsOf('01-lstm-cell-step'))
        : ({ status: 'no-draft' } as const);
      const forward = request.forwardSource
        ? await learnerForward(learnerSandbox(), request.forwardSource, weights, request.inputs, await limitsOf('02-lstm-forward'))
        : ({ status: 'no-draft' } as const);
      return { type: 'learner-trace', id: request.id, cellStep, forward };
    }
    case 'learner-gradient-flow': {
      const result = await learnerGradientNorms(learnerSandbox(), request.source, request.settings, await limitsOf('06-gradient-flow'));
      return { type: 'learner-gradient-flow', id: request.id, result };
    }
  }
}

self.onmessage = async (event: MessageEvent) => {
  if (learnerSandbox().acceptFrameOffer(event)) return;
  const parsed = labRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  try {
    reply(await answer(parsed.data));
  } catch (error) {
    reply({ type: 'failed', id: parsed.data.id, message: error instanceof Error ? error.message : String(error) });
  }
};
