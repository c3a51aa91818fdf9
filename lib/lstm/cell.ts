// One LSTM time step, written like the equations (d2l style): one fused matMul, one split, four activations, two updates.
import { tf } from '../tfjs';
import { assertShape, lstmSizes, type LstmParams } from './params';
import { splitGates } from './split-gates';

/** Gate activations of one step, each [B, H]: input i, forget f, candidate g, output o. */
export interface LstmGates {
  i: tf.Tensor2D;
  f: tf.Tensor2D;
  g: tf.Tensor2D;
  o: tf.Tensor2D;
}

/** The result of {@link lstmCellStep}; every tensor is new and owned by the caller. */
export interface LstmStepResult {
  /** [B, H] */
  h: tf.Tensor2D;
  /** [B, H] */
  c: tf.Tensor2D;
  gates: LstmGates;
}

/**
 * One LSTM step: `z = [x, hPrev]·[kernel; recurrentKernel] + bias`, split into i, f, g, o;
 * `c = f ⊙ cPrev + i ⊙ g`, `h = o ⊙ tanh(c)` (sigmoid gates, tanh candidate and output).
 * @param x [B, I]  @param hPrev [B, H]  @param cPrev [B, H]
 */
export function lstmCellStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, p: LstmParams): LstmStepResult {
  const { inputSize, hiddenSize } = lstmSizes(p);
  assertShape('x', x, [null, inputSize]);
  assertShape('hPrev', hPrev, [x.shape[0], hiddenSize]);
  assertShape('cPrev', cPrev, [x.shape[0], hiddenSize]);
  return tf.tidy(() => {
    const weights = tf.concat([p.kernel, p.recurrentKernel], 0); // [I + H, 4H]
    const z = tf.concat([x, hPrev], 1).matMul(weights).add(p.bias); // [B, 4H]
    const { h, c, gates } = lstmUpdate(z as tf.Tensor2D, cPrev);
    return { h, c, gates };
  });
}

/** @internal The step from the pre-activations z [B, 4H] on; shared with lstmForward. Call inside tf.tidy. */
export function lstmUpdate(z: tf.Tensor2D, cPrev: tf.Tensor2D) {
  const [zi, zf, zg, zo] = splitGates(z, 4); // [B, H] each
  const i = tf.sigmoid(zi); // [B, H]
  const f = tf.sigmoid(zf); // [B, H]
  const g = tf.tanh(zg); // [B, H]
  const o = tf.sigmoid(zo); // [B, H]
  const c = f.mul(cPrev).add(i.mul(g)) as tf.Tensor2D; // [B, H]
  const tanhC = tf.tanh(c); // [B, H]
  const h = o.mul(tanhC) as tf.Tensor2D; // [B, H]
  return { h, c, tanhC, gates: { i, f, g, o } };
}
