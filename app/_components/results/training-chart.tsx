'use client';
// The live loss curve of a training exercise: loss and validation loss per reported epoch (uPlot, loaded on first use).
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from '@/lib/grader/messages';
import type { TrainingPoint } from '../editor/grading-protocol';
import { T } from '../ui/t';

const HEIGHT = 180;

/** Colours of the current theme, read from the CSS variables the page already defines. */
function themeColours() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { fg: v('--fg-muted', '#4b5563'), grid: v('--border', '#d5dbe1'), loss: v('--accent', '#0b5fad'), val: v('--warn', '#8a5300') };
}

/** uPlot's columnar data: x = report number, then loss and validation loss (null where missing or not finite). */
function columns(points: TrainingPoint[]): uPlot.AlignedData {
  return [points.map((_, k) => k + 1), points.map((p) => p.loss), points.map((p) => p.valLoss)];
}

function options(width: number, logScale: boolean): uPlot.Options {
  const c = themeColours();
  const axis = { stroke: c.fg, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: false }, y: logScale ? { distr: 3 } : {} },
    axes: [
      { ...axis, label: 'epoch (report #)' },
      // Log-scale ticks come with gaps (null) where uPlot thins them out.
      { ...axis, size: 60, values: (_u, ticks) => ticks.map((t) => (t === null || t === undefined ? '' : formatNumber(t))) },
    ],
    series: [
      { label: '#' },
      { label: 'loss', stroke: c.loss, width: 2, spanGaps: false },
      { label: 'val loss', stroke: c.val, width: 2, dash: [6, 4], spanGaps: false },
    ],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  };
}

/** Loss curve plus a one-line summary of the latest epoch (announced politely to screen readers). */
export function TrainingChart({ points, running }: { points: TrainingPoint[]; running: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const logScale = points.length > 0 && points.every((p) => (p.loss === null || p.loss > 0) && (p.valLoss === null || p.valLoss > 0));

  useEffect(() => {
    let cancelled = false;
    const element = box.current;
    if (!element || points.length === 0) return;
    if (plot.current) {
      plot.current.setData(columns(points));
      return;
    }
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled || plot.current || !box.current) return;
      plot.current = new UPlot(options(box.current.clientWidth || 320, logScale), columns(points), box.current);
    });
    return () => {
      cancelled = true;
    };
  }, [points, logScale]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => plot.current?.setSize({ width: element.clientWidth || 320, height: HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, []);

  const last = points.at(-1);
  const nonFinite = points.some((p) => p.loss === null);
  return (
    <figure className="training-chart" data-testid="training-chart" data-points={points.length}>
      <figcaption role="status" aria-live="polite">
        {last ? (
          <>
            <T en={running ? 'Training' : 'Last training run'} zh={running ? '训练中' : '上一次训练'} />: <T en="epoch" zh="第" /> {last.epoch + 1}
            <T en="" zh=" 轮" /> · loss <code>{last.loss === null ? 'NaN' : formatNumber(last.loss)}</code>
            {last.valLoss !== null && (
              <>
                {' '}· val loss <code>{formatNumber(last.valLoss)}</code>
              </>
            )}
            {last.metric !== null && (
              <>
                {' '}· metric <code>{formatNumber(last.metric)}</code>
              </>
            )}
          </>
        ) : (
          <T en="Waiting for the first epoch (report it with ctx.fitCallbacks() or ctx.report)…" zh="等待第一轮结果（用 ctx.fitCallbacks() 或 ctx.report 上报）…" />
        )}
        {nonFinite && (
          <span className="result-bad">
            {' '}
            <T en="— the loss became NaN or infinite: lower the learning rate, clip gradients, or check the normalisation." zh="——损失变成了 NaN 或无穷大：请降低学习率、裁剪梯度，或检查标准化。" />
          </span>
        )}
      </figcaption>
      <div ref={box} className="training-chart-plot" aria-hidden="true" />
    </figure>
  );
}
