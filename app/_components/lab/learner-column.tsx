'use client';
// The learner's own lstmCellStep / lstmForward beside the reference in the gate inspector: their heat-maps, every value outside the grader's tolerance outlined, and a summary.
import { useMemo, useState } from 'react';
import { formatNumber } from '@/lib/grader/messages';
import { compareTraces, TRACE_ROWS, type TraceDifference } from '@/lib/lab/trace-reading';
import { T } from '../ui/t';
import { LSTM_ROW_LABELS, ROW_RANGE } from './gate-labels';
import { HeatMap } from './heat-map';
import type { LearnerTrace, LstmTraceData } from './lab-protocol';
import styles from './lab.module.css';

/** Where a run of the learner's drafts stands. */
export type LearnerState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; cellStep: LearnerTrace; forward: LearnerTrace; forInputs: number[] }
  | { phase: 'failed'; message: string };

/** The learner's lstmCellStep or lstmForward heat-maps, cells outside the grader's tolerance outlined, with a summary. */
export function LearnerColumn({
  learner,
  reference,
  selected,
  onSelect,
}: {
  learner: Extract<LearnerState, { phase: 'done' }>;
  reference: LstmTraceData;
  selected: { t: number; k: number };
  onSelect: (t: number, k: number) => void;
}) {
  const [which, setWhich] = useState<'forward' | 'cellStep'>(learner.forward.status === 'ok' || learner.cellStep.status === 'no-draft' ? 'forward' : 'cellStep');
  const shown = learner[which];
  const differences = useMemo(() => (shown.status === 'ok' ? compareTraces(shown.values, reference.values) : null), [shown, reference]);
  return (
    <div data-testid="learner-column">
      <h4>
        <T en="Your code" zh="你的代码" />
      </h4>
      <div className={styles.buttons} role="group" aria-label="Which function">
        {(['forward', 'cellStep'] as const).map((w) => (
          <button key={w} type="button" className={`button${which === w ? ' button-primary' : ''}`} aria-pressed={which === w} onClick={() => setWhich(w)}>
            {w === 'forward' ? 'lstmForward (02)' : 'lstmCellStep (01)'}
          </button>
        ))}
      </div>
      {shown.status === 'no-draft' && (
        <p className="muted">
          <T en="No draft of this exercise yet." zh="这个练习还没有草稿。" />
        </p>
      )}
      {shown.status === 'error' && (
        <p className={styles.bad} role="alert">
          {shown.message}
        </p>
      )}
      {shown.status === 'ok' && differences && (
        <>
          <DifferenceSummary differences={differences} cellStep={which === 'cellStep'} />
          <div className={styles.maps}>
            {TRACE_ROWS.map((row) => (
              <HeatMap
                key={row}
                label={LSTM_ROW_LABELS[row]}
                values={shown.values[row]}
                range={ROW_RANGE[row]}
                selected={selected}
                onSelect={onSelect}
                different={differences.find((d) => d.row === row)?.cells}
                testId={`learner-heat-${row}`}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function DifferenceSummary({ differences, cellStep }: { differences: TraceDifference[]; cellStep: boolean }) {
  const wrong = differences.filter((d) => d.cells.length > 0);
  if (wrong.length === 0) {
    return (
      <p className={styles.ok} role="status" data-testid="learner-summary">
        <T en="Every value matches the reference (within 1e-5 + 1e-4·|value|)." zh="每个值都与参考实现一致（误差在 1e-5 + 1e-4·|值| 之内）。" />
      </p>
    );
  }
  const first = wrong.map((d) => ({ row: d.row, at: d.cells.reduce((a, b) => (b[0] < a[0] ? b : a)) })).reduce((a, b) => (b.at[0] < a.at[0] ? b : a));
  const list = wrong.map((d) => `${d.row}: ${d.cells.length} (max |Δ| ${Number.isFinite(d.worst) ? formatNumber(Number(d.worst.toPrecision(3))) : 'NaN'})`).join('; ');
  return (
    <p className={styles.bad} role="status" data-testid="learner-summary">
      <T
        en={`Differs from the reference (dashed outlines) — ${list}. First at step ${first.at[0]}, ${first.row}, unit ${first.at[1]}.${cellStep ? ' Each step started from the reference state, so this step itself is wrong.' : ''}`}
        zh={`与参考实现不一致（虚线框）——${list}。最早出现在第 ${first.at[0]} 步，${first.row}，单元 ${first.at[1]}。${cellStep ? '每一步都从参考状态开始，所以问题就出在这一步本身。' : ''}`}
      />
    </p>
  );
}
