// How much the last hidden state depends on each input step: ‖∂h_T/∂x_t‖ for the RNN and the LSTM.
import { tf } from '../tfjs';
import { lstmBackward } from './backward';
import { disposeLstmCache, lstmForward } from './forward';
import { lstmSizes, rnnSizes, sequenceSizes, type LstmParams, type RnnParams } from './params';
import { disposeRnnCache, rnnBackward, rnnForward } from './rnn';

/**
 * The exact Frobenius norm of the Jacobian ∂h_T/∂x_t ([H, I]) for every t = 0 … T-1, for one
 * sequence x [1, T, I] run from a zero state.
 *
 * Method: H backward passes with dh_T = e_k give the Jacobian's rows; they run as one batched pass
 * by copying the sequence into a batch of H identical rows and seeding dh_T with the identity
 * matrix, so row k of dx is ∂h_T[k]/∂x.
 */
export function gradientNormsThroughTime(kind: 'rnn', params: RnnParams, x: tf.Tensor3D): number[];
export function gradientNormsThroughTime(kind: 'lstm', params: LstmParams, x: tf.Tensor3D): number[];
export function gradientNormsThroughTime(kind: 'rnn' | 'lstm', params: RnnParams | LstmParams, x: tf.Tensor3D): number[] {
  const { inputSize, hiddenSize: H } = kind === 'rnn' ? rnnSizes(params as RnnParams) : lstmSizes(params as LstmParams);
  const { batch } = sequenceSizes(x, inputSize);
  if (batch !== 1) throw new Error(`gradientNormsThroughTime: x must hold one sequence [1, T, I], got [${x.shape.join(', ')}]`);

  const norms = tf.tidy(() => {
    const copies = tf.tile(x, [H, 1, 1]) as tf.Tensor3D; // [H, T, I]
    const seed = tf.eye(H) as tf.Tensor2D; // [H, H]: row k = e_k
    let dx: tf.Tensor3D; // [H, T, I]: dx[k, t, :] = ∂h_T[k]/∂x_t
    if (kind === 'rnn') {
      const run = rnnForward(copies, params as RnnParams);
      dx = rnnBackward(run.cache, null, seed).dx;
      disposeRnnCache(run.cache);
    } else {
      const run = lstmForward(copies, params as LstmParams);
      dx = lstmBackward(run.cache, null, seed).dx;
      disposeLstmCache(run.cache);
    }
    return dx.square().sum([0, 2]).sqrt(); // [T]
  });
  const values = Array.from(norms.dataSync());
  norms.dispose();
  return values;
}
