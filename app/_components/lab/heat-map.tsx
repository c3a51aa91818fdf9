// One quantity of a recurrent run as a heat-map: steps across, units down; blue positive, amber negative; the selected cell and cells that differ outlined.
import { formatNumber } from '@/lib/grader/messages';
import { T } from '../ui/t';
import styles from './lab.module.css';
import { SvgT } from './svg-text';

const CELL = 18;
const LEFT = 34;
const TOP = 6;
const BOTTOM = 30;

export interface HeatMapProps {
  label: { en: string; zh: string };
  /** values[t][k] */
  values: number[][];
  /** 'unit': values in [0, 1] (gates); 'signed': scaled by the largest |value| (states, candidates). */
  range: 'unit' | 'signed';
  selected: { t: number; k: number };
  onSelect: (t: number, k: number) => void;
  /** cells [t, k] drawn with a dashed red outline (a learner's values that differ from the reference) */
  different?: Array<[number, number]>;
  testId?: string;
}

export function HeatMap({ label, values, range, selected, onSelect, different = [], testId }: HeatMapProps) {
  const steps = values.length;
  const H = values[0]?.length ?? 0;
  const finite = values.flat().filter(Number.isFinite);
  const scale = range === 'unit' ? 1 : Math.max(1e-6, ...finite.map(Math.abs));
  const width = LEFT + steps * CELL + 4;
  const height = TOP + H * CELL + BOTTOM;
  const tickEvery = steps > 20 ? 5 : steps > 10 ? 2 : 1;
  return (
    <figure className={styles.map} data-testid={testId}>
      <figcaption>
        <T {...label} />
        {range === 'signed' && <span className={styles.value}> (±{formatNumber(Number(scale.toPrecision(3)))})</span>}
      </figcaption>
      {/* The numbers are in the equations and the text summary; the picture is for sighted readers. */}
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {values.map((column, t) =>
          column.map((v, k) => (
            <rect
              key={`${t}-${k}`}
              x={LEFT + t * CELL}
              y={TOP + k * CELL}
              width={CELL - 1}
              height={CELL - 1}
              fill={Number.isFinite(v) ? (v >= 0 ? 'var(--accent)' : 'var(--warn)') : 'var(--bad)'}
              fillOpacity={Number.isFinite(v) ? 0.08 + 0.92 * Math.min(1, Math.abs(v) / scale) : 1}
              onClick={() => onSelect(t, k)}
            >
              <title>{`t=${t}, k=${k}: ${formatNumber(v)}`}</title>
            </rect>
          )),
        )}
        {different.map(([t, k]) => (
          <rect key={`d${t}-${k}`} data-different="true" className={styles.different} x={LEFT + t * CELL + 1} y={TOP + k * CELL + 1} width={CELL - 3} height={CELL - 3} />
        ))}
        {selected.t < steps && selected.k < H && (
          <rect className={styles.selected} x={LEFT + selected.t * CELL - 1} y={TOP + selected.k * CELL - 1} width={CELL + 1} height={CELL + 1} />
        )}
        {Array.from({ length: H }, (_, k) => (
          <text key={`k${k}`} className={styles.axis} x={LEFT - 4} y={TOP + k * CELL + CELL / 2 + 3} textAnchor="end">
            {k}
          </text>
        ))}
        {Array.from({ length: steps }, (_, t) => t)
          .filter((t) => t % tickEvery === 0)
          .map((t) => (
            <text key={`t${t}`} className={styles.axis} x={LEFT + t * CELL + CELL / 2} y={TOP + H * CELL + 11} textAnchor="middle">
              {t}
            </text>
          ))}
        <text className={styles.axis} x={LEFT} y={height - 4}>
          <SvgT en="step t →" zh="时间步 t →" />
        </text>
        <text className={styles.axis} x={2} y={TOP + 8}>
          <SvgT en="unit" zh="单元" />
        </text>
      </svg>
    </figure>
  );
}
