// The `tf` namespace an exercise's code receives: an allow-list of ops; anything else says it is not allowed.

/** The one module exercise code may import; it resolves to the namespace built here. */
export const TFJS_MODULE = '@tensorflow/tfjs';

/** Which tf namespace an exercise gives the learner. */
export type AllowListName = 'from-scratch' | 'full';

/** Every tf function the from-scratch track may use: creation, arithmetic, matMul, activations, reductions, shape ops, memory. */
export const FROM_SCRATCH_ALLOWED: readonly string[] = [
  // tensor creation
  'tensor', 'tensor1d', 'tensor2d', 'tensor3d', 'tensor4d', 'scalar', 'zeros', 'ones', 'zerosLike', 'onesLike',
  'fill', 'range', 'linspace', 'eye', 'oneHot', 'randomUniform', 'randomNormal', 'truncatedNormal',
  // arithmetic
  'add', 'addN', 'sub', 'mul', 'div', 'divNoNan', 'floorDiv', 'mod', 'neg', 'square', 'squaredDifference',
  'sqrt', 'rsqrt', 'exp', 'expm1', 'log', 'log1p', 'abs', 'pow', 'maximum', 'minimum', 'clipByValue', 'sign',
  'reciprocal', 'round', 'floor', 'ceil', 'isNaN', 'isFinite', 'isInf',
  // linear algebra
  'matMul', 'dot', 'outerProduct', 'transpose',
  // activations
  'sigmoid', 'tanh', 'relu', 'relu6', 'elu', 'selu', 'leakyRelu', 'softplus', 'softmax', 'logSoftmax', 'logSigmoid',
  // reductions
  'sum', 'mean', 'max', 'min', 'prod', 'norm', 'argMax', 'argMin', 'logSumExp', 'any', 'all', 'moments', 'cumsum',
  // shape ops and comparisons
  'reshape', 'concat', 'stack', 'unstack', 'split', 'slice', 'gather', 'squeeze', 'expandDims', 'tile', 'pad',
  'reverse', 'where', 'greater', 'greaterEqual', 'less', 'lessEqual', 'equal', 'notEqual', 'logicalAnd',
  'logicalOr', 'logicalNot', 'cast', 'clone',
  // memory and the tensor class (for instanceof)
  'tidy', 'dispose', 'keep', 'memory', 'Tensor',
];

/** Names the grader itself controls: never handed to exercise code, whatever the allow-list. */
const GRADER_CONTROLLED = [
  'engine', 'env', 'ENV', 'setBackend', 'removeBackend', 'registerBackend', 'findBackend', 'findBackendFactory',
  'setPlatform', 'registerKernel', 'unregisterKernel', 'registerGradient', 'unregisterGradient', 'copyRegisteredKernels',
  'enableProdMode', 'enableDebugMode', 'disableDeprecationWarnings', 'profile', 'io', 'browser',
];

const GRADIENT_NAMES = ['grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads', 'customGrad'];
const LAYERS_NAMES = ['layers', 'sequential', 'model', 'input', 'loadLayersModel', 'loadGraphModel', 'callbacks', 'constraints', 'initializers', 'regularizers', 'metrics', 'losses'];

/** Why a name is off the list, in words a learner understands. */
export function disallowReason(name: string, allowList: AllowListName): string {
  if (GRADER_CONTROLLED.includes(name)) return 'the grader controls the tfjs engine and backend';
  if (allowList === 'from-scratch') {
    if (GRADIENT_NAMES.includes(name)) return 'this exercise asks you to derive and compute the gradients yourself';
    if (name === 'train') return 'optimizers are not part of the from-scratch track: update the weights yourself';
    if (LAYERS_NAMES.includes(name)) return 'tf.layers builds the network for you; here you build it from tensor ops';
  }
  return "it is not on this exercise's list of allowed tf functions";
}

/** The error thrown when exercise code touches a tf name it is not given. */
export function notAllowedError(name: string, allowList: AllowListName): Error {
  return new Error(`tf.${name} is not allowed in this exercise (${disallowReason(name, allowList)})`);
}

/** Names a namespace built from `fullTf` with this allow-list contains. */
export function allowedNames(fullTf: Record<string, unknown>, allowList: AllowListName): string[] {
  const candidates = allowList === 'full' ? Object.keys(fullTf) : FROM_SCRATCH_ALLOWED;
  return candidates.filter((name) => name in fullTf && !GRADER_CONTROLLED.includes(name));
}

/**
 * Builds the frozen namespace exercise code receives as `tf`. Names off the list are absent (`in`,
 * `Object.keys`) and reading one throws "tf.X is not allowed in this exercise (why)".
 */
export function createTfNamespace(fullTf: Record<string, unknown>, allowList: AllowListName): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const name of allowedNames(fullTf, allowList)) target[name] = fullTf[name];
  // Lets CommonJS interop (sucrase's `import * as tf`) use this object as it is instead of copying it.
  Object.defineProperty(target, '__esModule', { value: true, enumerable: false });
  Object.freeze(target);
  const forbidden = new Set([...Object.keys(fullTf), ...GRADIENT_NAMES, ...LAYERS_NAMES, 'train', ...GRADER_CONTROLLED]);
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (typeof key === 'string' && !(key in obj) && forbidden.has(key)) throw notAllowedError(key, allowList);
      return Reflect.get(obj, key, receiver);
    },
  });
}
