// Order-blind baselines: a softmax regression on features that average over time (rows, frames), fitted in plain JS.

/** A linear softmax classifier: weights [classes][dim + 1], the last column the bias. */
export type SoftmaxWeights = Float64Array[];

/** Class probabilities of x under the weights. */
function softmaxProbabilities(weights: SoftmaxWeights, x: Float64Array): Float64Array {
  const dim = x.length;
  const logits = weights.map((w) => w.reduce((a, v, d) => a + v * (d < dim ? x[d] : 1), 0));
  const top = Math.max(...logits);
  const exps = Float64Array.from(logits, (z) => Math.exp(z - top));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Standardises every feature with the mean and std of `train` (returns a function that applies it). */
function standardizer(train: Float64Array[]): (x: Float64Array) => Float64Array {
  const dim = train[0].length;
  const mean = new Float64Array(dim);
  const std = new Float64Array(dim);
  for (const x of train) for (let d = 0; d < dim; d++) mean[d] += x[d] / train.length;
  for (const x of train) for (let d = 0; d < dim; d++) std[d] += (x[d] - mean[d]) ** 2 / train.length;
  for (let d = 0; d < dim; d++) std[d] = Math.sqrt(std[d]) || 1;
  return (x) => x.map((v, d) => (v - mean[d]) / std[d]);
}

/**
 * Multinomial logistic regression by full-batch gradient descent on standardised features (zero
 * initial weights, so the fit is deterministic), with a small L2 penalty.
 */
export function fitSoftmaxRegression(features: Float64Array[], labels: ArrayLike<number>, classCount: number, steps = 300, learningRate = 0.5): (x: Float64Array) => number {
  const standardize = standardizer(features);
  const xs = features.map(standardize);
  const dim = xs[0].length;
  const weights: SoftmaxWeights = Array.from({ length: classCount }, () => new Float64Array(dim + 1));
  const l2 = 1e-4;
  for (let step = 0; step < steps; step++) {
    const grads = Array.from({ length: classCount }, () => new Float64Array(dim + 1));
    xs.forEach((x, i) => {
      const p = softmaxProbabilities(weights, x);
      for (let k = 0; k < classCount; k++) {
        const err = (p[k] - (labels[i] === k ? 1 : 0)) / xs.length;
        for (let d = 0; d < dim; d++) grads[k][d] += err * x[d];
        grads[k][dim] += err;
      }
    });
    for (let k = 0; k < classCount; k++) for (let d = 0; d <= dim; d++) weights[k][d] -= learningRate * (grads[k][d] + l2 * weights[k][d]);
  }
  return (x) => {
    const p = softmaxProbabilities(weights, standardize(x));
    return p.indexOf(Math.max(...p));
  };
}

/** Accuracy on the test features of a softmax regression fitted on the training features. */
export function orderBlindAccuracy(
  trainFeatures: Float64Array[],
  trainLabels: ArrayLike<number>,
  testFeatures: Float64Array[],
  testLabels: ArrayLike<number>,
  classCount: number,
): number {
  const classify = fitSoftmaxRegression(trainFeatures, trainLabels, classCount);
  return testFeatures.filter((x, i) => classify(x) === testLabels[i]).length / testFeatures.length;
}
