// The shipped weights solve their preset tasks on held-out sequences, and the seeded script reproduces them.
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePreset } from '@/lib/lab/evaluate-preset';
import { LAB_CELLS } from '@/lib/lab/lab-weights';
import { parseTypedSequence, PRESET_SPECS, PRESET_TASKS, presetBatch, presetExample, presetExampleTargets, scorePreset } from '@/lib/lab/presets';
import { shippedWeights } from '@/lib/lab/shipped-weights';
import { trainPreset } from '@/lib/lab/train-preset';
import { LAB_WEIGHTS_SEED } from '@/lib/lab/weight-files';
import { useBackend } from '../lstm/backends';

describe.each(LAB_CELLS)('the shipped %s weights', (cell) => {
  beforeAll(() => useBackend('wasm'));

  it('count the ones: mean |error| below 0.1 and at least 98% of rounded counts exact', () => {
    const score = evaluatePreset(shippedWeights('counting', cell));
    expect(score.value).toBeLessThan(0.1);
    expect(score.secondary).toBeGreaterThanOrEqual(0.98);
  });

  it('copy the bit from 3 steps back with at least 99% accuracy', () => {
    expect(evaluatePreset(shippedWeights('delayed-copy', cell)).value).toBeGreaterThanOrEqual(0.99);
  });

  it('predict the next noisy-sine value with less than half the MSE of "next = last value"', () => {
    const score = evaluatePreset(shippedWeights('noisy-sine', cell));
    expect(score.value).toBeLessThan(0.5 * score.secondary!);
  });

  it('are what the seeded script produces (counting retrained here, about 4 s)', () => {
    const retrained = trainPreset('counting', cell, LAB_WEIGHTS_SEED);
    const shipped = shippedWeights('counting', cell);
    const flat = (w: typeof shipped) => [w.kernel.flat(), w.recurrentKernel.flat(), w.bias, w.readoutKernel.flat(), w.readoutBias].flat();
    const a = flat(retrained);
    const b = flat(shipped);
    expect(a).toHaveLength(b.length);
    a.forEach((v, k) => expect(Math.abs(v - b[k]), `weight ${k}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(b[k]))));
    expect(retrained.trainingSteps).toBe(shipped.trainingSteps);
    expect(retrained.cell).toBe(cell);
  });
});

describe('the preset tasks', () => {
  it('generate the same sequences from the same seed, of the task length', () => {
    for (const task of PRESET_TASKS) {
      expect(presetBatch(task, 5, 3)).toEqual(presetBatch(task, 5, 3));
      expect(presetExample(task)).toHaveLength(PRESET_SPECS[task].steps);
    }
  });

  it('give the example sequences their targets, none before the first scored step', () => {
    const ones = presetExample('counting');
    expect(presetExampleTargets('counting')).toEqual(ones.map((_, t) => ones.slice(0, t + 1).reduce((a, b) => a + b, 0)));
    const bits = presetExample('delayed-copy');
    expect(presetExampleTargets('delayed-copy')).toEqual(bits.map((_, t) => (t >= 3 ? bits[t - 3] : null)));
  });

  it('score a perfect answer perfectly and the naive sine baseline as itself', () => {
    const counts = presetBatch('counting', 1, 4);
    expect(scorePreset('counting', counts, counts.targets)).toEqual({ value: 0, secondary: 1 });
    const copy = presetBatch('delayed-copy', 1, 4);
    expect(copy.targets[0][5]).toBe(copy.inputs[0][2]);
    expect(scorePreset('delayed-copy', copy, copy.targets).value).toBe(1);
    const sine = presetBatch('noisy-sine', 1, 4);
    const naive = scorePreset('noisy-sine', sine, sine.inputs);
    // the last-value forecast's MSE, computed here: mean over every scored (sequence, step) of (x_t − y_t)²
    const squared = sine.inputs.flatMap((xs, b) => xs.slice(sine.firstScoredStep).map((x, i) => (x - sine.targets[b][sine.firstScoredStep + i]) ** 2));
    const lastValueMse = squared.reduce((a, v) => a + v, 0) / squared.length;
    expect(naive.value).toBeCloseTo(lastValueMse, 9);
    expect(naive.secondary).toBeCloseTo(lastValueMse, 9);
  });

  it('read a typed sequence and explain what is wrong with a bad one', () => {
    expect(parseTypedSequence(' 1, 0 1;0.5 ')).toEqual({ values: [1, 0, 1, 0.5] });
    expect(parseTypedSequence('1, x')).toEqual({ error: { en: '"x" is not a number between −100 and 100.', zh: '“x”不是 −100 到 100 之间的数。' } });
    expect(parseTypedSequence('')).toHaveProperty('error');
    expect(parseTypedSequence(Array(41).fill('1').join(' '))).toHaveProperty('error');
  });
});
