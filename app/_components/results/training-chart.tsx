'use client';
// The live loss curve of a training exercise: loss, validation loss and the reported metric per epoch, with the test's baseline drawn (uPlot, loaded on first use).
import { useEffect, useRef } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from '@/lib/grader/messages';
import type { TrainingBaseline, TrainingPoint } from '../editor/grading-protocol';
import { T } from '../ui/t';

const HEIGHT = 180;

/** Colours of the current theme, read from the CSS variables the page already defines. */
function themeColours() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg-muted', '#4b5563'),
    grid: v('--border', '#d5dbe1'),
    loss: v('--accent', '#0b5fad'),
    val: v('--warn', '#8a5300'),
    metric: v('--ok', '#116b2f'),
    baseline: v('--fg', '#1a1f24'),
  };
}

/** What the chart draws besides loss and validation loss; a change of layout rebuilds the plot. */
interface Layout {
  logScale: boolean;
  /** the learner's fit reports an accuracy-like metric (right axis) */
  hasMetric: boolean;
  /** the baseline line and the axis it belongs to, or null when it has no curve to sit on */
  baseline: (TrainingBaseline & { axis: 'metric' | 'loss' }) | null;
}

function layoutOf(points: TrainingPoint[]): Layout {
  const logScale = points.length > 0 && points.every((p) => (p.loss === null || p.loss > 0) && (p.valLoss === null || p.valLoss > 0));
  const hasMetric = points.some((p) => p.metric !== null);
  const b = points.find((p) => p.baseline)?.baseline ?? null;
  const drawable = b && b.axis !== null && (b.axis === 'loss' ? !logScale || b.value > 0 : hasMetric) ? { ...b, axis: b.axis } : null;
  return { logScale, hasMetric, baseline: drawable };
}

const layoutKey = (l: Layout) => `${l.logScale}|${l.hasMetric}|${l.baseline?.axis ?? ''}|${l.baseline?.value ?? ''}`;

/** uPlot's columnar data: x = report number, loss, validation loss (null where missing or not finite), then metric and baseline when drawn. */
function columns(points: TrainingPoint[], layout: Layout): uPlot.AlignedData {
  const data: (number | null)[][] = [points.map((_, k) => k + 1), points.map((p) => p.loss), points.map((p) => p.valLoss)];
  if (layout.hasMetric) data.push(points.map((p) => p.metric));
  if (layout.baseline) data.push(points.map(() => layout.baseline!.value));
  return data as uPlot.AlignedData;
}

function options(width: number, layout: Layout): uPlot.Options {
  const c = themeColours();
  const axis = { stroke: c.fg, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
  const series: uPlot.Series[] = [
    { label: '#' },
    { label: 'loss', stroke: c.loss, width: 2, spanGaps: false },
    { label: 'val loss', stroke: c.val, width: 2, dash: [6, 4], spanGaps: false },
  ];
  if (layout.hasMetric) series.push({ label: 'metric', stroke: c.metric, width: 2, scale: 'metric', spanGaps: false });
  if (layout.baseline) {
    series.push({ label: `baseline ${layout.baseline.metric}`, stroke: c.baseline, width: 1.5, dash: [2, 4], scale: layout.baseline.axis === 'metric' ? 'metric' : 'y' });
  }
  const axes: uPlot.Axis[] = [
    { ...axis, label: 'epoch (report #)' },
    // Log-scale ticks come with gaps (null) where uPlot thins them out.
    { ...axis, label: 'loss', size: 60, values: (_u, ticks) => ticks.map((t) => (t === null || t === undefined ? '' : formatNumber(t))) },
  ];
  if (layout.hasMetric) axes.push({ ...axis, scale: 'metric', side: 1, label: 'metric', size: 50, grid: { show: false } });
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: false }, y: layout.logScale ? { distr: 3 } : {}, ...(layout.hasMetric ? { metric: {} } : {}) },
    axes,
    series,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
  };
}

/** Loss curve plus a one-line summary of the latest epoch (announced politely to screen readers). */
export function TrainingChart({ points, running }: { points: TrainingPoint[]; running: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<{ chart: uPlot; key: string } | null>(null);
  const layout = layoutOf(points);
  const key = layoutKey(layout);

  useEffect(() => {
    let cancelled = false;
    const element = box.current;
    if (!element || points.length === 0) return;
    const current = layoutOf(points);
    if (plot.current?.key === key) {
      plot.current.chart.setData(columns(points, current));
      return;
    }
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled || !box.current) return;
      // A metric or baseline that appears later changes the series: start the plot afresh.
      plot.current?.chart.destroy();
      plot.current = { chart: new UPlot(options(box.current.clientWidth || 320, current), columns(points, current), box.current), key };
    });
    return () => {
      cancelled = true;
    };
  }, [points, key]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => plot.current?.chart.setSize({ width: element.clientWidth || 320, height: HEIGHT }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.current?.chart.destroy();
      plot.current = null;
    };
  }, []);

  const last = points.at(-1);
  const nonFinite = points.some((p) => p.loss === null);
  const baseline = points.find((p) => p.baseline)?.baseline ?? null;
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
        {baseline && (
          <span data-testid="training-baseline">
            {' '}· <T en="baseline" zh="基线" /> {baseline.metric} <code>{formatNumber(baseline.value)}</code>
            {!layout.baseline && <T en=" (not on this chart's axes)" zh="（不在本图坐标轴上）" />}
          </span>
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
