// An LSTM in plain float64 JavaScript, written per unit from the textbook equations, for checking lib/lstm.
//   i = σ(x·W_i + h·U_i + b_i), f = σ(…_f), g = tanh(…_g), o = σ(…_o), columns of W ordered i | f | g | o
//   c' = f·c + i·g, h' = o·tanh(c')
import { dotColumn, sigmoid, zeros, type Matrix, type PlainWeights, type Sequence } from './types';

export interface PlainLstmRun {
  hSeq: Sequence; // [B][T][H]
  hT: Matrix; // [B][H]
  cT: Matrix; // [B][H]
}

export interface PlainLstmGrads {
  dx: Sequence; // [B][T][I]
  dh0: Matrix;
  dc0: Matrix;
  dKernel: Matrix;
  dRecurrentKernel: Matrix;
  dBias: number[];
  /** gradients of the gate pre-activations, [B][T][H] per gate */
  dGates: { i: Sequence; f: Sequence; g: Sequence; o: Sequence };
}

interface Trace {
  h: number[][]; // h[t] for t = 0..T (h[0] = h0)
  c: number[][];
  i: number[][]; // i[t] for t = 0..T-1
  f: number[][];
  g: number[][];
  o: number[][];
}

function hiddenSizeOf(w: PlainWeights): number {
  return w.recurrentKernel.length;
}

function runOne(x: number[][], w: PlainWeights, h0: number[], c0: number[]): Trace {
  const H = hiddenSizeOf(w);
  const tr: Trace = { h: [h0.slice()], c: [c0.slice()], i: [], f: [], g: [], o: [] };
  for (let t = 0; t < x.length; t++) {
    const hPrev = tr.h[t];
    const cPrev = tr.c[t];
    const pre = (gate: number, u: number) =>
      dotColumn(x[t], w.kernel, gate * H + u) + dotColumn(hPrev, w.recurrentKernel, gate * H + u) + w.bias[gate * H + u];
    const i: number[] = [], f: number[] = [], g: number[] = [], o: number[] = [], c: number[] = [], h: number[] = [];
    for (let u = 0; u < H; u++) {
      i.push(sigmoid(pre(0, u)));
      f.push(sigmoid(pre(1, u)));
      g.push(Math.tanh(pre(2, u)));
      o.push(sigmoid(pre(3, u)));
      c.push(f[u] * cPrev[u] + i[u] * g[u]);
      h.push(o[u] * Math.tanh(c[u]));
    }
    tr.i.push(i); tr.f.push(f); tr.g.push(g); tr.o.push(o); tr.c.push(c); tr.h.push(h);
  }
  return tr;
}

/** Forward pass over x [B][T][I] from h0, c0 ([B][H], zeros if omitted). */
export function plainLstmForward(x: Sequence, w: PlainWeights, h0?: Matrix, c0?: Matrix): PlainLstmRun {
  const H = hiddenSizeOf(w);
  const B = x.length;
  const traces = x.map((xb, b) => runOne(xb, w, h0 ? h0[b] : zeros(1, H)[0], c0 ? c0[b] : zeros(1, H)[0]));
  return {
    hSeq: traces.map((tr) => tr.h.slice(1)),
    hT: traces.map((tr) => tr.h[tr.h.length - 1]),
    cT: Array.from({ length: B }, (_, b) => traces[b].c[traces[b].c.length - 1]),
  };
}

/**
 * Gradients of L = Σ dhSeq ⊙ hSeq + Σ dhT ⊙ h_T + Σ dcT ⊙ c_T (the upstream gradients as weights),
 * by the chain rule applied unit by unit, backwards in time.
 */
export function plainLstmBackward(
  x: Sequence,
  w: PlainWeights,
  upstream: { dhSeq: Sequence; dhT?: Matrix; dcT?: Matrix },
  h0?: Matrix,
  c0?: Matrix,
): PlainLstmGrads {
  const H = hiddenSizeOf(w);
  const I = w.kernel.length;
  const B = x.length;
  const T = x[0].length;
  const out: PlainLstmGrads = {
    dx: [], dh0: [], dc0: [],
    dKernel: zeros(I, 4 * H), dRecurrentKernel: zeros(H, 4 * H), dBias: new Array(4 * H).fill(0),
    dGates: { i: [], f: [], g: [], o: [] },
  };
  for (let b = 0; b < B; b++) {
    const tr = runOne(x[b], w, h0 ? h0[b] : new Array(H).fill(0), c0 ? c0[b] : new Array(H).fill(0));
    let dhCarry = upstream.dhT ? upstream.dhT[b].slice() : new Array(H).fill(0);
    let dcCarry = upstream.dcT ? upstream.dcT[b].slice() : new Array(H).fill(0);
    const dxb: number[][] = new Array(T);
    const gates = { i: new Array(T), f: new Array(T), g: new Array(T), o: new Array(T) } as Record<'i' | 'f' | 'g' | 'o', number[][]>;
    for (let t = T - 1; t >= 0; t--) {
      const hPrev = tr.h[t], cPrev = tr.c[t], c = tr.c[t + 1];
      const i = tr.i[t], f = tr.f[t], g = tr.g[t], o = tr.o[t];
      // Pre-activation gradients, unit by unit.
      const da = [new Array(H), new Array(H), new Array(H), new Array(H)] as number[][];
      const dcPrev = new Array(H);
      for (let u = 0; u < H; u++) {
        const dh = upstream.dhSeq[b][t][u] + dhCarry[u];
        const tc = Math.tanh(c[u]);
        const dc = dcCarry[u] + dh * o[u] * (1 - tc * tc);
        da[0][u] = dc * g[u] * i[u] * (1 - i[u]);
        da[1][u] = dc * cPrev[u] * f[u] * (1 - f[u]);
        da[2][u] = dc * i[u] * (1 - g[u] * g[u]);
        da[3][u] = dh * tc * o[u] * (1 - o[u]);
        dcPrev[u] = dc * f[u];
      }
      gates.i[t] = da[0]; gates.f[t] = da[1]; gates.g[t] = da[2]; gates.o[t] = da[3];
      const dhPrev = new Array(H).fill(0);
      const dxt = new Array(I).fill(0);
      for (let gate = 0; gate < 4; gate++) {
        for (let u = 0; u < H; u++) {
          const col = gate * H + u;
          const d = da[gate][u];
          out.dBias[col] += d;
          for (let k = 0; k < I; k++) {
            out.dKernel[k][col] += x[b][t][k] * d;
            dxt[k] += w.kernel[k][col] * d;
          }
          for (let k = 0; k < H; k++) {
            out.dRecurrentKernel[k][col] += hPrev[k] * d;
            dhPrev[k] += w.recurrentKernel[k][col] * d;
          }
        }
      }
      dxb[t] = dxt;
      dhCarry = dhPrev;
      dcCarry = dcPrev;
    }
    out.dx.push(dxb);
    out.dh0.push(dhCarry);
    out.dc0.push(dcCarry);
    out.dGates.i.push(gates.i); out.dGates.f.push(gates.f); out.dGates.g.push(gates.g); out.dGates.o.push(gates.o);
  }
  return out;
}
