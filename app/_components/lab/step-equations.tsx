// The selected step's LSTM equations with the numbers filled in (unit k, step t).
import { formatNumber } from '@/lib/grader/messages';
import type { StepEquation } from '@/lib/lab/trace-reading';
import { T } from '../ui/t';
import styles from './lab.module.css';

const n = (v: number) => (Number.isFinite(v) ? formatNumber(Number(v.toPrecision(4))) : String(v));

export function StepEquations({ e, t, k, x }: { e: StepEquation; t: number; k: number; x: number }) {
  return (
    <div className={styles.equations} data-testid="step-equations">
      <p>
        <T en={`step t = ${t}, unit k = ${k}, input x_t = ${n(x)}`} zh={`时间步 t = ${t}，单元 k = ${k}，输入 x_t = ${n(x)}`} />
      </p>
      <p>
        i = σ({n(e.zi)}) = {n(e.i)} · f = σ({n(e.zf)}) = {n(e.f)} · g = tanh({n(e.zg)}) = {n(e.g)} · o = σ({n(e.zo)}) = {n(e.o)}
      </p>
      <p>
        c<sub>t</sub> = f·c<sub>t−1</sub> + i·g = {n(e.f)} × {n(e.cPrev)} + {n(e.i)} × {n(e.g)} = {n(e.c)}
      </p>
      <p>
        h<sub>t</sub> = o·tanh(c<sub>t</sub>) = {n(e.o)} × tanh({n(e.c)}) = {n(e.o)} × {n(e.tanhC)} = {n(e.h)}
      </p>
    </div>
  );
}
