// A vanilla tanh RNN in plain float64 JavaScript: h' = tanh(x·W + h·U + b), for checking lib/lstm.
import { dotColumn, zeros, type Matrix, type PlainWeights, type Sequence } from './types';

export interface PlainRnnGrads {
  dx: Sequence;
  dh0: Matrix;
  dKernel: Matrix;
  dRecurrentKernel: Matrix;
  dBias: number[];
}

function runOne(x: number[][], w: PlainWeights, h0: number[]): number[][] {
  const H = w.recurrentKernel.length;
  const hs = [h0.slice()];
  for (let t = 0; t < x.length; t++) {
    const h: number[] = [];
    for (let u = 0; u < H; u++) h.push(Math.tanh(dotColumn(x[t], w.kernel, u) + dotColumn(hs[t], w.recurrentKernel, u) + w.bias[u]));
    hs.push(h);
  }
  return hs;
}

/** Forward pass over x [B][T][I] from h0 ([B][H], zeros if omitted). */
export function plainRnnForward(x: Sequence, w: PlainWeights, h0?: Matrix): { hSeq: Sequence; hT: Matrix } {
  const H = w.recurrentKernel.length;
  const runs = x.map((xb, b) => runOne(xb, w, h0 ? h0[b] : zeros(1, H)[0]));
  return { hSeq: runs.map((hs) => hs.slice(1)), hT: runs.map((hs) => hs[hs.length - 1]) };
}

/** Gradients of L = Σ dhSeq ⊙ hSeq + Σ dhT ⊙ h_T. */
export function plainRnnBackward(x: Sequence, w: PlainWeights, upstream: { dhSeq: Sequence; dhT?: Matrix }, h0?: Matrix): PlainRnnGrads {
  const H = w.recurrentKernel.length;
  const I = w.kernel.length;
  const T = x[0].length;
  const out: PlainRnnGrads = { dx: [], dh0: [], dKernel: zeros(I, H), dRecurrentKernel: zeros(H, H), dBias: new Array(H).fill(0) };
  x.forEach((xb, b) => {
    const hs = runOne(xb, w, h0 ? h0[b] : new Array(H).fill(0));
    let carry = upstream.dhT ? upstream.dhT[b].slice() : new Array(H).fill(0);
    const dxb: number[][] = new Array(T);
    for (let t = T - 1; t >= 0; t--) {
      const dPre = hs[t + 1].map((h, u) => (upstream.dhSeq[b][t][u] + carry[u]) * (1 - h * h));
      const dhPrev = new Array(H).fill(0);
      const dxt = new Array(I).fill(0);
      for (let u = 0; u < H; u++) {
        out.dBias[u] += dPre[u];
        for (let k = 0; k < I; k++) {
          out.dKernel[k][u] += xb[t][k] * dPre[u];
          dxt[k] += w.kernel[k][u] * dPre[u];
        }
        for (let k = 0; k < H; k++) {
          out.dRecurrentKernel[k][u] += hs[t][k] * dPre[u];
          dhPrev[k] += w.recurrentKernel[k][u] * dPre[u];
        }
      }
      dxb[t] = dxt;
      carry = dhPrev;
    }
    out.dx.push(dxb);
    out.dh0.push(carry);
  });
  return out;
}
