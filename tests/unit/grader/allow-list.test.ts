// The from-scratch tf namespace: everything on the list exists, everything off it is absent and says why.
import { beforeAll, describe, expect, it } from 'vitest';
import { allowedNames, createTfNamespace, FROM_SCRATCH_ALLOWED } from '@/lib/grader/allow-list';
import { ready, tf } from '@/lib/tfjs';

const fullTf = tf as unknown as Record<string, unknown>;
const OFF_THE_LIST = ['grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad', 'train', 'layers', 'engine'];

beforeAll(async () => {
  await ready();
});

describe('from-scratch allow-list', () => {
  it('names only functions that exist in tfjs 4.22 (no typos)', () => {
    const missing = FROM_SCRATCH_ALLOWED.filter((name) => !(name in fullTf));
    expect(missing).toEqual([]);
    expect(allowedNames(fullTf, 'from-scratch')).toHaveLength(FROM_SCRATCH_ALLOWED.length);
  });

  it('leaves gradients, optimizers, layers and the engine out of the namespace', () => {
    const ns = createTfNamespace(fullTf, 'from-scratch');
    const keys = Object.keys(ns);
    for (const name of OFF_THE_LIST) {
      expect(name in ns, name).toBe(false);
      expect(keys, name).not.toContain(name);
    }
    expect(keys).toContain('matMul');
    expect(keys).toContain('sigmoid');
  });

  it('says an off-list name is not allowed in this exercise, and why', () => {
    const ns = createTfNamespace(fullTf, 'from-scratch');
    expect(() => ns.grad).toThrow('tf.grad is not allowed in this exercise (this exercise asks you to derive and compute the gradients yourself)');
    expect(() => ns.train).toThrow(/tf\.train is not allowed in this exercise \(optimizers/);
    expect(() => ns.layers).toThrow(/tf\.layers is not allowed in this exercise/);
    expect(() => ns.engine).toThrow(/tf\.engine is not allowed in this exercise \(the grader controls/);
    expect(() => ns.conv2d).toThrow(/tf\.conv2d is not allowed in this exercise \(it is not on this exercise's list/);
    // names tfjs does not have at all are simply undefined (e.g. `then`, probed by `await`)
    expect(ns.then).toBeUndefined();
  });

  it('is frozen: exercise code cannot replace an op for later callers', () => {
    const ns = createTfNamespace(fullTf, 'from-scratch');
    expect(() => {
      'use strict';
      (ns as Record<string, unknown>).sigmoid = () => 0;
    }).toThrow(TypeError);
    expect(ns.sigmoid).toBe(tf.sigmoid);
  });

  it('computes with the real ops', () => {
    const ns = createTfNamespace(fullTf, 'from-scratch') as unknown as typeof tf;
    const y = ns.sigmoid(ns.tensor1d([0]));
    expect(Array.from(y.dataSync())).toEqual([0.5]);
    y.dispose();
  });
});

describe('full namespace', () => {
  it('keeps layers and optimizers for model exercises, but never the engine controls', () => {
    const ns = createTfNamespace(fullTf, 'full');
    expect('layers' in ns).toBe(true);
    expect('train' in ns).toBe(true);
    expect('grad' in ns).toBe(true);
    expect('setBackend' in ns).toBe(false);
    expect(() => ns.setBackend).toThrow(/tf\.setBackend is not allowed in this exercise \(the grader controls/);
  });
});
