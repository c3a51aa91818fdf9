// The float64 plain-JS LSTM, GRU and RNN used as references are themselves checked by central finite differences.
import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/expect-close';
import { CASES, caseData } from './cases';
import { centralDifferences, weightedSum, type Mutable } from './plain-js/finite-differences';
import { plainGruBackward, plainGruForward } from './plain-js/gru';
import { plainLstmBackward, plainLstmForward } from './plain-js/lstm';
import { plainRnnBackward, plainRnnForward } from './plain-js/rnn';

// Finite differences in float64 agree with exact gradients to ~1e-9; this bound still catches any wrong term.
const FD_TOLERANCE = { atol: 1e-7, rtol: 1e-6 };
// Finite differences cost two forward passes per weight: the long T = 24 case is left to the tfjs comparisons.
const FD_CASES = CASES.filter((c) => c.T * c.H * (c.I + c.H) <= 400);

describe('plain-JS float64 references vs central finite differences', () => {
  it('covers at least five cases, including T = 1 and H = 1', () => {
    expect(FD_CASES.length).toBeGreaterThanOrEqual(5);
    expect(FD_CASES.some((c) => c.T === 1)).toBe(true);
    expect(FD_CASES.some((c) => c.H === 1)).toBe(true);
  });

  for (const c of FD_CASES) {
    it(`LSTM: ${c.name}`, () => {
      const d = caseData(c, 4);
      const h0 = d.h0 ?? Array.from({ length: c.B }, () => new Array(c.H).fill(0));
      const c0 = d.c0 ?? Array.from({ length: c.B }, () => new Array(c.H).fill(0));
      const loss = () => {
        const run = plainLstmForward(d.x, d.weights, h0, c0);
        return weightedSum(run.hSeq, d.dhSeq) + weightedSum(run.hT, d.dhT) + weightedSum(run.cT, d.dcT);
      };
      const g = plainLstmBackward(d.x, d.weights, { dhSeq: d.dhSeq, dhT: d.dhT, dcT: d.dcT }, h0, c0);
      const targets: [string, Mutable, Mutable][] = [
        ['dx', d.x, g.dx], ['dh0', h0, g.dh0], ['dc0', c0, g.dc0], ['dKernel', d.weights.kernel, g.dKernel],
        ['dRecurrentKernel', d.weights.recurrentKernel, g.dRecurrentKernel], ['dBias', d.weights.bias, g.dBias],
      ];
      for (const [label, target, analytic] of targets) {
        expectClose(analytic as number[], centralDifferences(target, loss) as number[], FD_TOLERANCE, { label });
      }
    });

    it(`GRU: ${c.name}`, () => {
      const d = caseData(c, 3);
      const h0 = d.h0 ?? Array.from({ length: c.B }, () => new Array(c.H).fill(0));
      const loss = () => {
        const run = plainGruForward(d.x, d.gruWeights, h0);
        return weightedSum(run.hSeq, d.dhSeq) + weightedSum(run.hT, d.dhT);
      };
      const g = plainGruBackward(d.x, d.gruWeights, { dhSeq: d.dhSeq, dhT: d.dhT }, h0);
      const targets: [string, Mutable, Mutable][] = [
        ['dx', d.x, g.dx], ['dh0', h0, g.dh0], ['dKernel', d.gruWeights.kernel, g.dKernel],
        ['dRecurrentKernel', d.gruWeights.recurrentKernel, g.dRecurrentKernel], ['dBias', d.gruWeights.bias, g.dBias],
      ];
      for (const [label, target, analytic] of targets) {
        expectClose(analytic as number[], centralDifferences(target, loss) as number[], FD_TOLERANCE, { label });
      }
    });

    it(`RNN: ${c.name}`, () => {
      const d = caseData(c, 1);
      const h0 = d.h0 ?? Array.from({ length: c.B }, () => new Array(c.H).fill(0));
      const loss = () => {
        const run = plainRnnForward(d.x, d.weights, h0);
        return weightedSum(run.hSeq, d.dhSeq) + weightedSum(run.hT, d.dhT);
      };
      const g = plainRnnBackward(d.x, d.weights, { dhSeq: d.dhSeq, dhT: d.dhT }, h0);
      const targets: [string, Mutable, Mutable][] = [
        ['dx', d.x, g.dx], ['dh0', h0, g.dh0], ['dKernel', d.weights.kernel, g.dKernel],
        ['dRecurrentKernel', d.weights.recurrentKernel, g.dRecurrentKernel], ['dBias', d.weights.bias, g.dBias],
      ];
      for (const [label, target, analytic] of targets) {
        expectClose(analytic as number[], centralDifferences(target, loss) as number[], FD_TOLERANCE, { label });
      }
    });
  }

  it('a wrong gradient fails the finite-difference check (the check can fail)', () => {
    const d = caseData(CASES[0], 4);
    const loss = () => weightedSum(plainLstmForward(d.x, d.weights).hSeq, d.dhSeq);
    const g = plainLstmBackward(d.x, d.weights, { dhSeq: d.dhSeq });
    const wrong = g.dBias.map((v, k) => (k === 3 ? v * 1.01 : v));
    expect(() => expectClose(wrong, centralDifferences(d.weights.bias, loss) as number[], FD_TOLERANCE)).toThrow();
  });
});
