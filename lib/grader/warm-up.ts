// Runs the kernels exercises use most once, in a worker that waits for its run request, so a learner's
// first matMul or sigmoid does not pay for wasm's first-call set-up inside their time budget.

/** The few tf functions the warm-up calls (the full namespace satisfies it). */
export interface WarmUpTf {
  tidy<T>(fn: () => T): T;
  randomNormal(shape: number[]): WarmTensor;
  zeros(shape: number[]): WarmTensor;
  concat(tensors: WarmTensor[], axis: number): WarmTensor;
}
interface WarmTensor {
  matMul(b: WarmTensor): WarmTensor;
  add(b: WarmTensor): WarmTensor;
  sub(b: WarmTensor): WarmTensor;
  mul(b: WarmTensor): WarmTensor;
  sigmoid(): WarmTensor;
  tanh(): WarmTensor;
  square(): WarmTensor;
  transpose(): WarmTensor;
  slice(begin: number[], size: number[]): WarmTensor;
  sum(axis?: number): WarmTensor;
  dataSync(): ArrayLike<number>;
}

/** One small LSTM step forward and a backward-looking product, read back once. Never throws. */
export function warmUpKernels(tf: WarmUpTf): void {
  try {
    tf.tidy(() => {
      const x = tf.randomNormal([4, 3]); // [B, I]
      const h = tf.zeros([4, 5]); // [B, H]
      const z = x.matMul(tf.randomNormal([3, 20])).add(h.matMul(tf.randomNormal([5, 20]))).add(tf.randomNormal([20])); // [B, 4H]
      const i = z.slice([0, 0], [4, 5]).sigmoid(); // [B, H]
      const g = z.slice([0, 10], [4, 5]).tanh(); // [B, H]
      const c = i.mul(g); // [B, H]
      const dz = tf.concat([c, c.square(), c.sub(i), g], 1); // [B, 4H]
      x.transpose().matMul(dz).sum(0).dataSync(); // [4H]
    });
  } catch {
    // a warm-up is an optimisation; the run itself reports any real problem
  }
}
