// A GRU in plain float64 JavaScript, written per unit from PyTorch's nn.GRU equations, for checking lib/lstm.
//   r = σ(x·W_r + b_ir + h·U_r + b_hr),  z = σ(x·W_z + b_iz + h·U_z + b_hz)
//   n = tanh(x·W_n + b_in + r·(h·U_n + b_hn)),  h' = (1 − z)·n + z·h
// Weights are stored in the Keras reset_after layout: columns z | r | n, bias rows [input, recurrent].
import { dotColumn, sigmoid, zeros, type Matrix, type PlainGruWeights, type Sequence } from './types';

export interface PlainGruGrads {
  dx: Sequence;
  dh0: Matrix;
  dKernel: Matrix;
  dRecurrentKernel: Matrix;
  dBias: [number[], number[]];
  dGates: { z: Sequence; r: Sequence; hTilde: Sequence };
}

const Z = 0, R = 1, N = 2; // column blocks

interface Step {
  r: number[]; z: number[]; n: number[];
  hn: number[]; // h·U_n + b_hn
}

function runOne(x: number[][], w: PlainGruWeights, h0: number[]) {
  const H = w.recurrentKernel.length;
  const hs: number[][] = [h0.slice()];
  const steps: Step[] = [];
  for (let t = 0; t < x.length; t++) {
    const hPrev = hs[t];
    const xPart = (block: number, u: number) => dotColumn(x[t], w.kernel, block * H + u) + w.bias[0][block * H + u];
    const hPart = (block: number, u: number) => dotColumn(hPrev, w.recurrentKernel, block * H + u) + w.bias[1][block * H + u];
    const s: Step = { r: [], z: [], n: [], hn: [] };
    const h: number[] = [];
    for (let u = 0; u < H; u++) {
      s.r.push(sigmoid(xPart(R, u) + hPart(R, u)));
      s.z.push(sigmoid(xPart(Z, u) + hPart(Z, u)));
      s.hn.push(hPart(N, u));
      s.n.push(Math.tanh(xPart(N, u) + s.r[u] * s.hn[u]));
      h.push((1 - s.z[u]) * s.n[u] + s.z[u] * hPrev[u]);
    }
    steps.push(s);
    hs.push(h);
  }
  return { hs, steps };
}

/** Forward pass over x [B][T][I] from h0 ([B][H], zeros if omitted). */
export function plainGruForward(x: Sequence, w: PlainGruWeights, h0?: Matrix): { hSeq: Sequence; hT: Matrix } {
  const H = w.recurrentKernel.length;
  const runs = x.map((xb, b) => runOne(xb, w, h0 ? h0[b] : zeros(1, H)[0]));
  return { hSeq: runs.map((r) => r.hs.slice(1)), hT: runs.map((r) => r.hs[r.hs.length - 1]) };
}

/** Gradients of L = Σ dhSeq ⊙ hSeq + Σ dhT ⊙ h_T, unit by unit, backwards in time. */
export function plainGruBackward(
  x: Sequence,
  w: PlainGruWeights,
  upstream: { dhSeq: Sequence; dhT?: Matrix },
  h0?: Matrix,
): PlainGruGrads {
  const H = w.recurrentKernel.length;
  const I = w.kernel.length;
  const T = x[0].length;
  const out: PlainGruGrads = {
    dx: [], dh0: [],
    dKernel: zeros(I, 3 * H), dRecurrentKernel: zeros(H, 3 * H),
    dBias: [new Array(3 * H).fill(0), new Array(3 * H).fill(0)],
    dGates: { z: [], r: [], hTilde: [] },
  };
  x.forEach((xb, b) => {
    const { hs, steps } = runOne(xb, w, h0 ? h0[b] : new Array(H).fill(0));
    let carry = upstream.dhT ? upstream.dhT[b].slice() : new Array(H).fill(0);
    const dxb: number[][] = new Array(T);
    const gz: number[][] = new Array(T), gr: number[][] = new Array(T), gn: number[][] = new Array(T);
    for (let t = T - 1; t >= 0; t--) {
      const { r, z, n, hn } = steps[t];
      const hPrev = hs[t];
      // d(pre-activation) on the input side and on the recurrent side, per block.
      const dIn = [new Array(H), new Array(H), new Array(H)] as number[][];
      const dRec = [new Array(H), new Array(H), new Array(H)] as number[][];
      const dhPrev = new Array(H).fill(0);
      for (let u = 0; u < H; u++) {
        const dh = upstream.dhSeq[b][t][u] + carry[u];
        const dn = dh * (1 - z[u]);
        const dnPre = dn * (1 - n[u] * n[u]);
        const dzPre = dh * (hPrev[u] - n[u]) * z[u] * (1 - z[u]);
        const drPre = dnPre * hn[u] * r[u] * (1 - r[u]);
        dIn[Z][u] = dzPre; dIn[R][u] = drPre; dIn[N][u] = dnPre;
        dRec[Z][u] = dzPre; dRec[R][u] = drPre; dRec[N][u] = dnPre * r[u];
        dhPrev[u] += dh * z[u];
      }
      gz[t] = dIn[Z]; gr[t] = dIn[R]; gn[t] = dIn[N];
      const dxt = new Array(I).fill(0);
      for (let block = 0; block < 3; block++) {
        for (let u = 0; u < H; u++) {
          const col = block * H + u;
          out.dBias[0][col] += dIn[block][u];
          out.dBias[1][col] += dRec[block][u];
          for (let k = 0; k < I; k++) {
            out.dKernel[k][col] += xb[t][k] * dIn[block][u];
            dxt[k] += w.kernel[k][col] * dIn[block][u];
          }
          for (let k = 0; k < H; k++) {
            out.dRecurrentKernel[k][col] += hPrev[k] * dRec[block][u];
            dhPrev[k] += w.recurrentKernel[k][col] * dRec[block][u];
          }
        }
      }
      dxb[t] = dxt;
      carry = dhPrev;
    }
    out.dx.push(dxb);
    out.dh0.push(carry);
    out.dGates.z.push(gz); out.dGates.r.push(gr); out.dGates.hTilde.push(gn);
  });
  return out;
}
