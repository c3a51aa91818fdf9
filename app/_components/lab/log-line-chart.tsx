// A line chart with a log-scale y axis in plain SVG: decade ticks, labelled axes, lines coloured from the theme's CSS variables.
import { useId, type ReactNode } from 'react';
import styles from './lab.module.css';
import { SvgT } from './svg-text';

export interface LogSeries {
  key: string;
  /** values[t]; non-positive or non-finite values leave a gap */
  values: number[];
  colour: string;
  dashed?: boolean;
}

const WIDTH = 640;
const HEIGHT = 300;
const PAD = { left: 64, right: 12, top: 10, bottom: 42 };

/** The decade range covering every positive finite value (at least one decade). */
function decadeRange(series: LogSeries[]): [number, number] {
  const logs = series.flatMap((s) => s.values.filter((v) => v > 0 && Number.isFinite(v)).map(Math.log10));
  if (logs.length === 0) return [-1, 0];
  const low = Math.floor(Math.min(...logs));
  const high = Math.ceil(Math.max(...logs));
  return [low, Math.max(high, low + 1)];
}

/** The SVG path of one series; a gap wherever a value cannot be drawn on a log scale. */
function pathOf(values: number[], x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, t) => {
    if (!(v > 0 && Number.isFinite(v))) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

export function LogLineChart({ series, xLabel, yLabel, children }: { series: LogSeries[]; xLabel: { en: string; zh: string }; yLabel: { en: string; zh: string }; children?: ReactNode }) {
  const clip = useId();
  const steps = Math.max(2, ...series.map((s) => s.values.length));
  const [low, high] = decadeRange(series);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (plotW * t) / (steps - 1);
  const y = (v: number) => PAD.top + plotH * (1 - (Math.log10(v) - low) / (high - low));
  const decadeStep = Math.max(1, Math.ceil((high - low) / 8));
  const decades = Array.from({ length: Math.floor((high - low) / decadeStep) + 1 }, (_, k) => low + k * decadeStep);
  const tStep = Math.max(1, Math.ceil((steps - 1) / 8 / 5) * 5);
  const ticks = Array.from({ length: Math.floor((steps - 1) / tStep) + 1 }, (_, k) => k * tStep);
  return (
    <div className={styles.chart}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <defs>
          <clipPath id={clip}>
            <rect x={PAD.left} y={PAD.top} width={plotW} height={plotH} />
          </clipPath>
        </defs>
        {decades.map((d) => (
          <g key={d}>
            <line className={styles.gridline} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(10 ** d)} y2={y(10 ** d)} />
            <text className={styles.axis} x={PAD.left - 6} y={y(10 ** d) + 3} textAnchor="end">
              1e{d}
            </text>
          </g>
        ))}
        {ticks.map((t) => (
          <text key={t} className={styles.axis} x={x(t)} y={HEIGHT - PAD.bottom + 14} textAnchor="middle">
            {t}
          </text>
        ))}
        <line className={styles.gridline} x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
        <g clipPath={`url(#${clip})`}>
          {series.map((s) => (
            <path key={s.key} d={pathOf(s.values, x, y)} fill="none" stroke={s.colour} strokeWidth={2} strokeDasharray={s.dashed ? '6 4' : undefined} data-series={s.key} data-values={s.values.map((v) => v.toPrecision(4)).join(' ')} />
          ))}
        </g>
        <text className={styles.axis} x={PAD.left + plotW / 2} y={HEIGHT - 6} textAnchor="middle">
          <SvgT {...xLabel} />
        </text>
        <text className={styles.axis} transform={`translate(12 ${PAD.top + plotH / 2}) rotate(-90)`} textAnchor="middle">
          <SvgT {...yLabel} />
        </text>
      </svg>
      {children}
    </div>
  );
}
