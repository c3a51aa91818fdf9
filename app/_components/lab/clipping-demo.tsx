'use client';
// Clipping on a cliff: the loss surface of lib/lab/clipping as a shaded map, gradient descent with and without norm clipping, step by step.
import { useEffect, useId, useMemo, useState } from 'react';
import { formatNumber } from '@/lib/grader/messages';
import { CLIFF_VIEW, DEFAULT_CLIP_NORM, DEFAULT_DESCENT, descend, longestStep, lossGrid, type DescentStep } from '@/lib/lab/clipping';
import { T } from '../ui/t';
import styles from './lab.module.css';
import { SvgT } from './svg-text';

const SIZE = { width: 560, height: 300 };
const PAD = { left: 40, bottom: 34, top: 8, right: 8 };
const GRID = 60;
const PLAY_INTERVAL_MS = 350;

const plotW = SIZE.width - PAD.left - PAD.right;
const plotH = SIZE.height - PAD.top - PAD.bottom;
const px = (w: number) => PAD.left + (plotW * (w - CLIFF_VIEW.wMin)) / (CLIFF_VIEW.wMax - CLIFF_VIEW.wMin);
const py = (b: number) => PAD.top + (plotH * (CLIFF_VIEW.bMax - b)) / (CLIFF_VIEW.bMax - CLIFF_VIEW.bMin);
const n = (v: number) => formatNumber(Number(v.toPrecision(3)));

function pathOf(steps: DescentStep[]): string {
  return steps.map((s, k) => `${k === 0 ? 'M' : 'L'}${px(s.at.w).toFixed(1)},${py(s.at.b).toFixed(1)}`).join('');
}

/** An opaque mix of the text and background colours (overlapping translucent cells would show seams). */
const shade = (level: number) => `color-mix(in srgb, var(--fg) ${(4 + 50 * level).toFixed(1)}%, var(--bg))`;

/** The surface, shaded by log(1 + loss) so the plateau, the face and the bowl all show. */
function Surface() {
  const grid = useMemo(() => lossGrid(CLIFF_VIEW, GRID), []);
  const top = Math.log1p(Math.max(...grid.flat()));
  const cw = plotW / GRID;
  const ch = plotH / GRID;
  return (
    <g shapeRendering="crispEdges">
      {grid.map((row, r) =>
        row.map((loss, c) => (
          <rect key={`${r}-${c}`} x={PAD.left + c * cw} y={PAD.top + r * ch} width={cw + 1} height={ch + 1} style={{ fill: shade(Math.log1p(loss) / top) }} />
        )),
      )}
    </g>
  );
}

export default function ClippingDemo() {
  const id = useId();
  const [step, setStep] = useState(0);
  const [clipNorm, setClipNorm] = useState(DEFAULT_CLIP_NORM);
  const [learningRate, setLearningRate] = useState(DEFAULT_DESCENT.learningRate);
  const [playing, setPlaying] = useState(false);
  const total = DEFAULT_DESCENT.steps;

  const plain = useMemo(() => descend({ ...DEFAULT_DESCENT, learningRate, clipNorm: null }), [learningRate]);
  const clipped = useMemo(() => descend({ ...DEFAULT_DESCENT, learningRate, clipNorm }), [learningRate, clipNorm]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setStep((s) => (s >= total ? s : s + 1)), PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, total]);
  const shownStep = Math.min(step, total);
  if (playing && shownStep >= total) setPlaying(false);

  const p = plain[shownStep];
  const c = clipped[shownStep];
  const jump = (path: DescentStep[]) => longestStep(path.slice(0, shownStep + 1));

  return (
    <section className={styles.widget} aria-labelledby={`${id}-title`} data-testid="clipping-demo">
      <h3 id={`${id}-title`}>
        <T en="Gradient clipping on a cliff" zh="悬崖上的梯度裁剪" />
      </h3>
      <p className="muted">
        <T
          en="A loss with a steep wall, like the error surfaces of recurrent nets (Pascanu, Mikolov & Bengio, 2013). Plain gradient descent reaches the face, sees a huge gradient and is thrown far away; clipping the gradient's norm keeps the step short."
          zh="一个带陡壁的损失面，类似循环网络的误差曲面（Pascanu、Mikolov 与 Bengio，2013）。普通梯度下降走到陡壁时遇到巨大的梯度，被远远甩出；裁剪梯度范数能让每一步保持短小。"
        />
      </p>
      <div className={styles.controls}>
        <label className={styles.control}>
          <span>
            <T en="Step" zh="步数" /> <span className={styles.value}>{shownStep} / {total}</span>
          </span>
          <input type="range" min={0} max={total} value={shownStep} onChange={(e) => setStep(Number(e.target.value))} data-testid="clip-step" />
        </label>
        <label className={styles.control}>
          <span>
            <T en="Clip norm" zh="裁剪阈值" /> <span className={styles.value}>{clipNorm}</span>
          </span>
          <input type="range" min={0.25} max={5} step={0.25} value={clipNorm} onChange={(e) => setClipNorm(Number(e.target.value))} />
        </label>
        <label className={styles.control}>
          <span>
            <T en="Learning rate" zh="学习率" /> <span className={styles.value}>{learningRate}</span>
          </span>
          <input type="range" min={0.05} max={0.4} step={0.05} value={learningRate} onChange={(e) => setLearningRate(Number(e.target.value))} />
        </label>
        <span className={styles.buttons}>
          <button type="button" className="button" onClick={() => setStep((s) => Math.min(total, s + 1))}>
            <T en="Step" zh="前进一步" />
          </button>
          <button type="button" className="button" aria-pressed={playing} onClick={() => (shownStep >= total ? (setStep(0), setPlaying(true)) : setPlaying(!playing))}>
            {playing ? <T en="Pause" zh="暂停" /> : <T en="Play" zh="播放" />}
          </button>
          <button type="button" className="button" onClick={() => (setPlaying(false), setStep(0))}>
            <T en="Reset" zh="重置" />
          </button>
        </span>
      </div>
      <div className={styles.legend}>
        <span style={{ color: 'var(--bad)' }}>
          <span className={styles.swatch} />
          <T en="without clipping" zh="不裁剪" />
        </span>
        <span style={{ color: 'var(--ok)' }}>
          <span className={`${styles.swatch} ${styles.swatchDashed}`} />
          <T en={`clipped to norm ${clipNorm}`} zh={`范数裁剪到 ${clipNorm}`} />
        </span>
      </div>
      <div className={styles.chart}>
        <svg width={SIZE.width} height={SIZE.height} viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} aria-hidden="true">
          <Surface />
          <path d={pathOf(plain.slice(0, shownStep + 1))} fill="none" stroke="var(--bad)" strokeWidth={2} />
          <path d={pathOf(clipped.slice(0, shownStep + 1))} fill="none" stroke="var(--ok)" strokeWidth={2} strokeDasharray="5 3" />
          <circle cx={px(p.at.w)} cy={py(p.at.b)} r={5} fill="var(--bad)" />
          <circle cx={px(c.at.w)} cy={py(c.at.b)} r={5} fill="var(--ok)" />
          <circle cx={px(0)} cy={py(0)} r={3} fill="none" stroke="var(--fg)" />
          {[-6, -4, -2, 0, 2, 4, 6].map((w) => (
            <text key={w} className={styles.axis} x={px(w)} y={SIZE.height - PAD.bottom + 13} textAnchor="middle">
              {w}
            </text>
          ))}
          {[-3, 0, 3].map((b) => (
            <text key={b} className={styles.axis} x={PAD.left - 5} y={py(b) + 3} textAnchor="end">
              {b}
            </text>
          ))}
          <text className={styles.axis} x={PAD.left + plotW / 2} y={SIZE.height - 4} textAnchor="middle">
            <SvgT en="parameter w (the wall stands at w = 2; the plateau is to its right)" zh="参数 w（陡壁位于 w = 2；右侧是高原）" />
          </text>
          <text className={styles.axis} transform={`translate(10 ${PAD.top + plotH / 2}) rotate(-90)`} textAnchor="middle">
            <SvgT en="parameter b" zh="参数 b" />
          </text>
        </svg>
      </div>
      <p className={styles.summary} role="status" aria-live="polite" data-testid="clipping-summary">
        <T
          en={`After ${shownStep} steps. Without clipping: at (${n(p.at.w)}, ${n(p.at.b)}), loss ${n(p.loss)}, longest jump so far ${n(jump(plain))}. With clipping to ${clipNorm}: at (${n(c.at.w)}, ${n(c.at.b)}), loss ${n(c.loss)}, longest jump ${n(jump(clipped))} (never more than learning rate × clip norm = ${n(learningRate * clipNorm)}). Gradient norm here: ${n(p.gradientNorm)} unclipped, ${n(c.gradientNorm)} before clipping.`}
          zh={`第 ${shownStep} 步之后。不裁剪：位于 (${n(p.at.w)}, ${n(p.at.b)})，损失 ${n(p.loss)}，目前最大跳跃 ${n(jump(plain))}。裁剪到 ${clipNorm}：位于 (${n(c.at.w)}, ${n(c.at.b)})，损失 ${n(c.loss)}，最大跳跃 ${n(jump(clipped))}（不会超过 学习率 × 裁剪阈值 = ${n(learningRate * clipNorm)}）。此处梯度范数：不裁剪 ${n(p.gradientNorm)}，裁剪前 ${n(c.gradientNorm)}。`}
        />
      </p>
    </section>
  );
}
