'use client';
// Gate inspector: a preset or typed sequence through the shipped tiny LSTM (and GRU), heat-maps of every gate and state, one step's equations in numbers, and the learner's own code beside it.
import Link from 'next/link';
import { useEffect, useId, useMemo, useState } from 'react';
import { formatNumber } from '@/lib/grader/messages';
import { GRU_TRACE_ROWS, stepEquation, TRACE_ROWS } from '@/lib/lab/trace-reading';
import { parseTypedSequence, PRESET_TASKS, presetExample, presetExampleTargets, type PresetTask } from '@/lib/lab/presets';
import { draftOf } from '@/lib/progress/local-store';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';
import { usePreferences } from '../ui/use-preferences';
import { GRU_ROW_LABELS, LSTM_ROW_LABELS, READOUT_LABELS, ROW_RANGE, TASK_LABELS } from './gate-labels';
import { HeatMap } from './heat-map';
import { askLab } from './lab-client';
import type { GruTraceData, LstmTraceData } from './lab-protocol';
import { LearnerColumn, type LearnerState } from './learner-column';
import { ComputeStatus } from './compute-status';
import styles from './lab.module.css';
import { StepEquations } from './step-equations';

interface Trace {
  lstm: LstmTraceData;
  gru: GruTraceData | null;
  predictions: number[];
}

const CELL_STEP_EXERCISE = '01-lstm-cell-step';
const FORWARD_EXERCISE = '02-lstm-forward';
const n = (v: number) => formatNumber(Number(v.toPrecision(4)));
const sameSequence = (a: number[], b: number[]) => a.length === b.length && a.every((v, k) => v === b[k]);

export default function GateInspector({ withGru = false }: { withGru?: boolean }) {
  const id = useId();
  const [task, setTask] = useState<PresetTask>('counting');
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<{ en: string; zh: string } | null>(null);
  const [inputs, setInputs] = useState<number[]>(() => presetExample('counting'));
  const [trace, setTrace] = useState<Trace | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [t, setT] = useState(0);
  const [k, setK] = useState(0);
  const [learner, setLearner] = useState<LearnerState>({ phase: 'idle' });
  const [progress] = useLocalProgress();
  // <option> holds plain text only, so it follows the chosen language instead of carrying both.
  const { lang } = usePreferences();

  useEffect(() => {
    let current = true;
    void askLab({ type: 'trace', task, inputs, withGru }).then((reply) => {
      if (!current) return;
      if (reply.type === 'failed') setFailure(reply.message);
      else {
        setFailure(null);
        setTrace({ lstm: reply.lstm, gru: reply.gru, predictions: reply.predictions });
      }
    });
    return () => {
      current = false;
    };
  }, [task, inputs, withGru]);

  const steps = inputs.length;
  const hidden = trace?.lstm.values.h[0]?.length ?? 0;
  const step = Math.min(t, steps - 1);
  const unit = Math.min(k, Math.max(0, hidden - 1));

  const choosePreset = (next: PresetTask) => {
    setTask(next);
    setInputs(presetExample(next));
    setTyped('');
    setTypedError(null);
    setT(0);
    setK(0);
    setLearner({ phase: 'idle' });
  };

  const applyTyped = () => {
    const parsed = parseTypedSequence(typed);
    if ('error' in parsed) {
      setTypedError(parsed.error);
      return;
    }
    setTypedError(null);
    setInputs(parsed.values);
    setT(0);
    setLearner({ phase: 'idle' });
  };

  const cellStepDraft = progress ? (draftOf(progress, CELL_STEP_EXERCISE) ?? null) : null;
  const forwardDraft = progress ? (draftOf(progress, FORWARD_EXERCISE) ?? null) : null;

  const runLearner = async () => {
    setLearner({ phase: 'running' });
    const reply = await askLab({ type: 'learner-trace', task, inputs, cellStepSource: cellStepDraft, forwardSource: forwardDraft });
    if (reply.type === 'failed') setLearner({ phase: 'failed', message: reply.message });
    else setLearner({ phase: 'done', cellStep: reply.cellStep, forward: reply.forward, forInputs: inputs });
  };

  const equation = trace && hidden > 0 ? stepEquation(trace.lstm, step, unit) : null;
  // Targets are known for the preset sequences; a typed one has none.
  const targets = useMemo(() => presetExampleTargets(task), [task]);
  const target = sameSequence(inputs, presetExample(task)) ? targets[step] : null;
  const targetText = target === null ? '' : ` (target ${n(target)})`;
  const targetTextZh = target === null ? '' : `（目标 ${n(target)}）`;
  const learnerResults = learner.phase === 'done' && learner.forInputs === inputs ? learner : null;

  return (
    <section className={styles.widget} aria-labelledby={`${id}-title`} data-testid={withGru ? 'gru-vs-lstm' : 'gate-inspector'}>
      <h3 id={`${id}-title`}>
        {withGru ? <T en="GRU vs LSTM: the same task, both cells' gates" zh="GRU 与 LSTM：同一任务，两种单元的门" /> : <T en="Gate inspector" zh="门控检查器" />}
      </h3>
      <p className="muted">
        <T
          en="Tiny networks trained by a seeded script on each task. Pick an input and step through time; click a cell to select it. Blue is positive, amber negative, a stronger colour a larger value (gates run from 0 to 1)."
          zh="每个任务都有一个由带种子的脚本训练出的小网络。选择输入，逐步查看每个时间步；点击格子可选中它。蓝色为正，琥珀色为负，颜色越深数值越大（门的取值在 0 到 1 之间）。"
        />
      </p>
      <div className={styles.controls}>
        <label className={styles.control}>
          <T en="Preset input" zh="预设输入" />
          <select value={task} onChange={(e) => choosePreset(e.target.value as PresetTask)} data-testid="preset-select">
            {PRESET_TASKS.map((p) => (
              <option key={p} value={p}>
                {TASK_LABELS[p][lang]}
              </option>
            ))}
          </select>
        </label>
        <form
          className={styles.control}
          onSubmit={(e) => {
            e.preventDefault();
            applyTyped();
          }}
        >
          <label htmlFor={`${id}-typed`}>
            <T en="…or type a sequence (numbers, e.g. 1 0 1 1)" zh="……或输入一个序列（数字，例如 1 0 1 1）" />
          </label>
          <span className={styles.buttons}>
            <input id={`${id}-typed`} type="text" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="typed-sequence" />
            <button type="submit" className="button">
              <T en="Run" zh="运行" />
            </button>
          </span>
          {typedError && (
            <span className={styles.bad} role="alert">
              <T {...typedError} />
            </span>
          )}
        </form>
        <label className={styles.control}>
          <span>
            <T en="Step t" zh="时间步 t" /> <span className={styles.value}>{step} / {steps - 1}</span>
          </span>
          <input type="range" min={0} max={steps - 1} value={step} onChange={(e) => setT(Number(e.target.value))} data-testid="step-slider" />
        </label>
        <label className={styles.control}>
          <span>
            <T en="Unit k" zh="单元 k" /> <span className={styles.value}>{unit}</span>
          </span>
          <input type="range" min={0} max={Math.max(0, hidden - 1)} value={unit} onChange={(e) => setK(Number(e.target.value))} />
        </label>
      </div>

      <ComputeStatus failure={failure} loading={!trace ? { en: 'Loading tfjs and the weights…', zh: '正在加载 tfjs 和权重……' } : null} />

      {trace && equation && (
        <>
          <p className={styles.summary} role="status" aria-live="polite" data-testid="gate-summary">
            <T
              en={`Step t = ${step} (steps 0–${steps - 1}), input ${n(inputs[step])}. Unit ${unit}: input gate ${n(equation.i)}, forget gate ${n(equation.f)}, candidate ${n(equation.g)}, output gate ${n(equation.o)}, cell ${n(equation.c)}, hidden ${n(equation.h)}. Readout (${READOUT_LABELS[task].en}): ${n(trace.predictions[step])}${targetText}.`}
              zh={`时间步 t = ${step}（共 ${steps} 步：0–${steps - 1}），输入 ${n(inputs[step])}。单元 ${unit}：输入门 ${n(equation.i)}，遗忘门 ${n(equation.f)}，候选值 ${n(equation.g)}，输出门 ${n(equation.o)}，细胞状态 ${n(equation.c)}，隐藏状态 ${n(equation.h)}。读出（${READOUT_LABELS[task].zh}）：${n(trace.predictions[step])}${targetTextZh}。`}
            />
          </p>
          <StepEquations e={equation} t={step} k={unit} x={inputs[step]} />
          <div className={`${styles.columns} ${withGru || learnerResults ? styles.two : ''}`}>
            <div>
              <h4>
                <T en="Reference LSTM" zh="参考 LSTM" />
              </h4>
              <div className={styles.maps}>
                <HeatMap label={{ en: 'input x', zh: '输入 x' }} values={inputs.map((x) => [x])} range="signed" selected={{ t: step, k: 0 }} onSelect={(s) => setT(s)} />
                {TRACE_ROWS.map((row) => (
                  <HeatMap
                    key={row}
                    label={LSTM_ROW_LABELS[row]}
                    values={trace.lstm.values[row]}
                    range={ROW_RANGE[row]}
                    selected={{ t: step, k: unit }}
                    onSelect={(s, u) => {
                      setT(s);
                      setK(u);
                    }}
                    testId={`heat-${row}`}
                  />
                ))}
              </div>
            </div>
            {withGru && trace.gru && (
              <div>
                <h4>
                  <T en="GRU on the same input" zh="同一输入上的 GRU" />
                </h4>
                <div className={styles.maps}>
                  {GRU_TRACE_ROWS.map((row) => (
                    <HeatMap
                      key={row}
                      label={GRU_ROW_LABELS[row]}
                      values={trace.gru!.values[row]}
                      range={ROW_RANGE[row]}
                      selected={{ t: step, k: unit }}
                      onSelect={(s, u) => {
                        setT(s);
                        setK(u);
                      }}
                    />
                  ))}
                </div>
                <p className={styles.summary}>
                  <T
                    en={`GRU unit ${unit} at step ${step}: update gate z = ${n(trace.gru.values.z[step][unit])} (the share of the previous h it keeps), reset gate r = ${n(trace.gru.values.r[step][unit])}, h = ${n(trace.gru.values.h[step][unit])}. The GRU has no separate cell state: z plays both the forget and the input gate.`}
                    zh={`GRU 单元 ${unit} 第 ${step} 步：更新门 z = ${n(trace.gru.values.z[step][unit])}（保留上一步 h 的比例），重置门 r = ${n(trace.gru.values.r[step][unit])}，h = ${n(trace.gru.values.h[step][unit])}。GRU 没有单独的细胞状态：z 同时扮演遗忘门和输入门。`}
                  />
                </p>
              </div>
            )}
            {!withGru && learnerResults && (
              <LearnerColumn learner={learnerResults} reference={trace.lstm} selected={{ t: step, k: unit }} onSelect={(s, u) => (setT(s), setK(u))} />
            )}
          </div>
          {!withGru && (
            <div className={styles.summary}>
              <h4>
                <T en="Your code beside the reference" zh="你的代码与参考实现对照" />
              </h4>
              <p className="muted">
                <T
                  en="Runs your drafts of exercises 01 (lstmCellStep) and 02 (lstmForward) on these weights and this input, in the grader's sandbox."
                  zh="在评分器的沙箱中，用这些权重和这个输入运行你在练习 01（lstmCellStep）和 02（lstmForward）中的草稿。"
                />
              </p>
              {cellStepDraft === null && forwardDraft === null ? (
                <p>
                  <T en="No draft yet: write " zh="还没有草稿：先完成 " />
                  <Link href={`/exercises/${CELL_STEP_EXERCISE}`}>{CELL_STEP_EXERCISE}</Link> <T en="or" zh="或" />{' '}
                  <Link href={`/exercises/${FORWARD_EXERCISE}`}>{FORWARD_EXERCISE}</Link>
                  <T en=" first." zh="。" />
                </p>
              ) : (
                <button type="button" className="button" onClick={() => void runLearner()} disabled={learner.phase === 'running'} data-testid="run-learner">
                  {learner.phase === 'running' ? <T en="Running your code…" zh="正在运行你的代码……" /> : <T en="Run my code beside it" zh="在旁边运行我的代码" />}
                </button>
              )}
              {learner.phase === 'failed' && (
                <p className={styles.bad} role="alert">
                  {learner.message}
                </p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
