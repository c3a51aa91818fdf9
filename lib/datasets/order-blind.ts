// Order-blind baselines: a softmax regression on features that average over time (rows, frames), fitted in plain JS.

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

/** Softmax probabilities of x under weights [classes × (dim + 1)] (row-major, the last column the bias), written into `out`. */
function softmaxInto(weights: Float64Array, x: Float64Array, out: Float64Array): void {
  const dim = x.length;
  let top = -Infinity;
  for (let k = 0; k < out.length; k++) {
    let z = weights[k * (dim + 1) + dim];
    for (let d = 0; d < dim; d++) z += weights[k * (dim + 1) + d] * x[d];
    out[k] = z;
    top = Math.max(top, z);
  }
  let total = 0;
  for (let k = 0; k < out.length; k++) total += out[k] = Math.exp(out[k] - top);
  for (let k = 0; k < out.length; k++) out[k] /= total;
}

/**
 * Multinomial logistic regression by full-batch gradient descent on standardised features (zero
 * initial weights, so the fit is deterministic), with a small L2 penalty. Returns the predicted class of x.
 */
export function fitSoftmaxRegression(features: Float64Array[], labels: ArrayLike<number>, classCount: number, steps = 300, learningRate = 0.5): (x: Float64Array) => number {
  const standardize = standardizer(features);
  const xs = features.map(standardize);
  const dim = xs[0].length;
  const width = dim + 1;
  const weights = new Float64Array(classCount * width);
  const grads = new Float64Array(classCount * width);
  const p = new Float64Array(classCount);
  const l2 = 1e-4;
  for (let step = 0; step < steps; step++) {
    grads.fill(0);
    xs.forEach((x, i) => {
      softmaxInto(weights, x, p);
      for (let k = 0; k < classCount; k++) {
        const err = (p[k] - (labels[i] === k ? 1 : 0)) / xs.length;
        for (let d = 0; d < dim; d++) grads[k * width + d] += err * x[d];
        grads[k * width + dim] += err;
      }
    });
    for (let j = 0; j < weights.length; j++) weights[j] -= learningRate * (grads[j] + l2 * weights[j]);
  }
  return (x) => {
    softmaxInto(weights, standardize(x), p);
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
