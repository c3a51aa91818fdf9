'use client';
// Gradient flow: ‖∂h_T/∂x_t‖ against t on a log scale for a tanh RNN and an LSTM, with sliders for length, width, forget bias and recurrent scale; optionally the learner's exercise-06 curves on top.
import { useEffect, useId, useState } from 'react';
import { formatNumber } from '@/lib/grader/messages';
import { decadesApart, DEFAULT_GRADIENT_FLOW_SETTINGS, summarizeCurve, type GradientFlowSettings } from '@/lib/lab/gradient-flow-settings';
import { draftOf } from '@/lib/progress/local-store';
import { T } from '../ui/t';
import { useLocalProgress } from '../ui/use-local-progress';
import { askLab } from './lab-client';
import { ComputeStatus } from './compute-status';
import styles from './lab.module.css';
import { LogLineChart, type LogSeries } from './log-line-chart';

const GRADIENT_FLOW_EXERCISE = '06-gradient-flow';
/** Quiet time after a slider moves before the curves are recomputed (dragging sends one request, not fifty). */
const RECOMPUTE_DELAY_MS = 120;

interface Curves {
  rnn: number[];
  lstm: number[];
}

type Slider = { key: keyof Omit<GradientFlowSettings, 'seed'>; label: { en: string; zh: string }; min: number; max: number; step: number };

const SLIDERS: Slider[] = [
  { key: 'steps', label: { en: 'Sequence length T', zh: '序列长度 T' }, min: 5, max: 120, step: 1 },
  { key: 'hiddenSize', label: { en: 'Hidden size H', zh: '隐藏层大小 H' }, min: 2, max: 32, step: 1 },
  { key: 'forgetBias', label: { en: 'LSTM forget-gate bias', zh: 'LSTM 遗忘门偏置' }, min: -3, max: 5, step: 0.5 },
  { key: 'recurrentScale', label: { en: 'Recurrent weight scale', zh: '循环权重缩放' }, min: 0.25, max: 2, step: 0.05 },
];

const e3 = (v: number) => (Number.isFinite(v) ? formatNumber(Number(v.toPrecision(3))) : String(v));

function describeCurve(name: string, values: number[], lang: 'en' | 'zh'): string {
  const s = summarizeCurve(values);
  const decades = Math.abs(s.decades).toFixed(1);
  if (lang === 'en') {
    return `${name}: ‖∂h_T/∂x_0‖ = ${e3(s.first)}, ‖∂h_T/∂x_T−1‖ = ${e3(s.last)} (${s.decades < 0 ? `falls ${decades} decades` : `grows ${decades} decades`} going back in time)`;
  }
  return `${name}：‖∂h_T/∂x_0‖ = ${e3(s.first)}，‖∂h_T/∂x_T−1‖ = ${e3(s.last)}（沿时间往回${s.decades < 0 ? `下降 ${decades} 个数量级` : `上升 ${decades} 个数量级`}）`;
}

/** How far the learner's curve is from the reference, as text. */
function apart(mine: number[], reference: number[]): string {
  const d = decadesApart(mine, reference);
  return d === Infinity ? '∞' : d < 1e-3 ? '< 0.001' : d.toPrecision(2);
}

export default function GradientFlowChart() {
  const id = useId();
  const [settings, setSettings] = useState<GradientFlowSettings>(DEFAULT_GRADIENT_FLOW_SETTINGS);
  const [curves, setCurves] = useState<Curves | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [mine, setMine] = useState<{ forSettings: GradientFlowSettings; curves: Curves } | { error: string } | null>(null);
  const [runningMine, setRunningMine] = useState(false);
  const [progress] = useLocalProgress();
  const draft = progress ? (draftOf(progress, GRADIENT_FLOW_EXERCISE) ?? null) : null;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void askLab({ type: 'gradient-flow', settings }).then((reply) => {
        if (!current) return;
        if (reply.type === 'failed') setFailure(reply.message);
        else {
          setFailure(null);
          setCurves({ rnn: reply.rnn, lstm: reply.lstm });
        }
      });
    }, RECOMPUTE_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [settings]);

  const overlayMine = async () => {
    if (draft === null) return;
    setRunningMine(true);
    const reply = await askLab({ type: 'learner-gradient-flow', settings, source: draft });
    setRunningMine(false);
    if (reply.type === 'failed') setMine({ error: reply.message });
    else if (reply.result.status === 'error') setMine({ error: reply.result.message });
    else setMine({ forSettings: settings, curves: { rnn: reply.result.rnn, lstm: reply.result.lstm } });
  };

  const mineNow = mine && 'curves' in mine && mine.forSettings === settings ? mine.curves : null;
  const series: LogSeries[] = curves
    ? [
        { key: 'rnn', values: curves.rnn, colour: 'var(--warn)' },
        { key: 'lstm', values: curves.lstm, colour: 'var(--accent)' },
        ...(mineNow
          ? [
              { key: 'my-rnn', values: mineNow.rnn, colour: 'var(--warn)', dashed: true },
              { key: 'my-lstm', values: mineNow.lstm, colour: 'var(--accent)', dashed: true },
            ]
          : []),
      ]
    : [];

  return (
    <section className={styles.widget} aria-labelledby={`${id}-title`} data-testid="gradient-flow">
      <h3 id={`${id}-title`}>
        <T en="Gradient flow through time" zh="梯度随时间的传播" />
      </h3>
      <p className="muted">
        <T
          en="How strongly the last hidden state h_T depends on each earlier input x_t, for a tanh RNN and an LSTM with the same sizes and seed. A curve that drops to the left is a vanishing gradient; one that rises is exploding."
          zh="最后的隐藏状态 h_T 对每个较早输入 x_t 的依赖有多强：同样大小和种子的 tanh RNN 与 LSTM。向左下降的曲线就是梯度消失；向左上升的则是梯度爆炸。"
        />
      </p>
      <div className={styles.controls}>
        {SLIDERS.map((s) => (
          <label key={s.key} className={styles.control}>
            <span>
              <T {...s.label} /> <span className={styles.value}>{settings[s.key]}</span>
            </span>
            <input
              type="range"
              min={s.min}
              max={s.max}
              step={s.step}
              value={settings[s.key]}
              onChange={(e) => setSettings((old) => ({ ...old, [s.key]: Number(e.target.value) }))}
              data-testid={`slider-${s.key}`}
            />
          </label>
        ))}
      </div>
      <ComputeStatus failure={failure} loading={!curves ? { en: 'Loading tfjs…', zh: '正在加载 tfjs……' } : null} />
      {curves && (
        <>
          <div className={styles.legend}>
            <span style={{ color: 'var(--warn)' }}>
              <span className={styles.swatch} />
              <T en="tanh RNN" zh="tanh RNN" />
            </span>
            <span style={{ color: 'var(--accent)' }}>
              <span className={styles.swatch} />
              LSTM
            </span>
            {mineNow && (
              <span>
                <span className={`${styles.swatch} ${styles.swatchDashed}`} />
                <T en="yours (exercise 06)" zh="你的（练习 06）" />
              </span>
            )}
          </div>
          <LogLineChart series={series} xLabel={{ en: 'input step t', zh: '输入时间步 t' }} yLabel={{ en: '‖∂h_T/∂x_t‖ (log scale)', zh: '‖∂h_T/∂x_t‖（对数刻度）' }} />
          <p className={styles.summary} role="status" aria-live="polite" data-testid="gradient-summary">
            <T
              en={`T = ${settings.steps}, H = ${settings.hiddenSize}, forget bias ${settings.forgetBias}, recurrent scale ${settings.recurrentScale}. ${describeCurve('RNN', curves.rnn, 'en')}. ${describeCurve('LSTM', curves.lstm, 'en')}.`}
              zh={`T = ${settings.steps}，H = ${settings.hiddenSize}，遗忘门偏置 ${settings.forgetBias}，循环权重缩放 ${settings.recurrentScale}。${describeCurve('RNN', curves.rnn, 'zh')}。${describeCurve('LSTM', curves.lstm, 'zh')}。`}
            />
            {mineNow && (
              <>
                {' '}
                <T
                  en={`Your exercise 06 is at most ${apart(mineNow.rnn, curves.rnn)} decades from the reference RNN curve and ${apart(mineNow.lstm, curves.lstm)} from the LSTM curve.`}
                  zh={`你的练习 06 与参考 RNN 曲线最多相差 ${apart(mineNow.rnn, curves.rnn)} 个数量级，与 LSTM 曲线最多相差 ${apart(mineNow.lstm, curves.lstm)} 个数量级。`}
                />
              </>
            )}
          </p>
        </>
      )}
      {draft !== null && (
        <p>
          <button type="button" className="button" onClick={() => void overlayMine()} disabled={runningMine}>
            {runningMine ? <T en="Running your exercise 06…" zh="正在运行你的练习 06……" /> : <T en="Overlay my exercise 06 (dashed)" zh="叠加我的练习 06（虚线）" />}
          </button>
          {mine && 'error' in mine && (
            <span className={styles.bad} role="alert">
              {' '}
              {mine.error}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
