// A tf.LayersModel returned by learner code, read into plain data (worker side) and checked (host side).
import type { LocalizedText } from './result';
import { listValue, numberValue, recordValue, type WireValue } from './values';

/** One layer as the grader sees it. */
export interface LayerSummary {
  className: string;
  name: string;
  /** For wrappers (Bidirectional, TimeDistributed): the wrapped layer's class. */
  wrapped: string | null;
  outputShape: (number | null)[] | null;
  params: number;
  /** The numeric, boolean and string settings the checks read (units, returnSequences, rate, …). */
  config: Record<string, number | boolean | string>;
}

/** A whole model as the grader sees it. */
export interface ModelSummary {
  inputShape: (number | null)[] | null;
  outputShape: (number | null)[] | null;
  params: number;
  layers: LayerSummary[];
}

/** Config keys copied into a summary (others are nested objects the checks never need). */
const CONFIG_KEYS = [
  'units', 'returnSequences', 'returnState', 'goBackwards', 'stateful', 'rate', 'dropout', 'recurrentDropout',
  'activation', 'recurrentActivation', 'useBias', 'inputDim', 'outputDim', 'maskZero', 'inputLength', 'mergeMode',
  'filters', 'kernelSize', 'poolSize', 'targetShape', 'dims',
];

/** The duck type of a tf.LayersModel (worker side reads nothing else). */
interface LayersModelLike {
  layers: LayerLike[];
  inputs: { shape: (number | null)[] }[];
  outputs: { shape: (number | null)[] }[];
  countParams(): number;
  predict: unknown;
  compile: unknown;
}
interface LayerLike {
  name: string;
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  countParams(): number;
  outputShape: unknown;
}

/** A model's input or output shape as learners write it: `[batch, 12, 12]` (a null dimension is the batch), or 'unknown'. */
export function shapeText(shape: (number | null)[] | null): string {
  return shape ? `[${shape.map((d) => d ?? 'batch').join(', ')}]` : 'unknown';
}

/** A message of a structural check, in both languages. */
export const checkMessage = (en: string, zh: string): LocalizedText => ({ en, zh });

/** True for objects that look like a tf.LayersModel (Sequential or functional). */
export function isLayersModelLike(value: object): value is LayersModelLike {
  const v = value as Partial<LayersModelLike>;
  return Array.isArray(v.layers) && Array.isArray(v.inputs) && typeof v.countParams === 'function' && typeof v.predict === 'function';
}

const shapeValue = (shape: unknown): WireValue =>
  Array.isArray(shape) && shape.every((d) => d === null || typeof d === 'number')
    ? listValue(shape.map((d) => (d === null ? { kind: 'null' } : numberValue(d))))
    : { kind: 'null' };

/** Worker side: the model as a record value (layers with class, output shape, parameter count and settings). */
export function summarizeLayersModel(model: LayersModelLike): WireValue {
  const layers = model.layers.slice(0, 200).map((layer) => {
    const config = layer.getConfig();
    const settings: Record<string, WireValue> = {};
    for (const key of CONFIG_KEYS) {
      const v = config[key];
      if (typeof v === 'number' || typeof v === 'boolean') settings[key] = v === true || v === false ? { kind: 'boolean', value: v } : numberValue(v);
      else if (typeof v === 'string') settings[key] = { kind: 'string', value: v.slice(0, 100) };
    }
    const inner = (config.layer as { className?: unknown } | undefined)?.className;
    let outputShape: unknown = null;
    try {
      outputShape = layer.outputShape;
    } catch {
      // a layer used at several points has no single output shape
    }
    return recordValue({
      className: { kind: 'string', value: String(layer.getClassName()).slice(0, 100) },
      name: { kind: 'string', value: String(layer.name).slice(0, 100) },
      wrapped: typeof inner === 'string' ? { kind: 'string', value: inner.slice(0, 100) } : { kind: 'null' },
      outputShape: shapeValue(outputShape),
      params: numberValue(layer.countParams()),
      config: recordValue(settings),
    });
  });
  return recordValue({
    kind: { kind: 'string', value: 'tf.LayersModel' },
    inputShape: shapeValue(model.inputs[0]?.shape),
    outputShape: shapeValue(model.outputs[0]?.shape),
    params: numberValue(model.countParams()),
    layers: listValue(layers),
  });
}

type Rec = Extract<WireValue, { kind: 'record' }>;
const entry = (v: WireValue | undefined, key: string) => (v?.kind === 'record' ? v.entries[key] : undefined);
const str = (v: WireValue | undefined) => (v?.kind === 'string' ? v.value : null);
const num = (v: WireValue | undefined) => (v?.kind === 'number' ? v.value : 0);
const shapeOf = (v: WireValue | undefined) =>
  v?.kind === 'list' ? v.items.map((d) => (d.kind === 'number' ? d.value : null)) : null;

/** Host side: the summary inside a returned value, or null when the value is not a model. */
export function readModelSummary(value: WireValue): ModelSummary | null {
  if (value.kind !== 'record' || str(value.entries.kind) !== 'tf.LayersModel') return null;
  const layers = entry(value, 'layers');
  return {
    inputShape: shapeOf(value.entries.inputShape),
    outputShape: shapeOf(value.entries.outputShape),
    params: num(value.entries.params),
    layers: (layers?.kind === 'list' ? layers.items : []).map((layer) => {
      const config = (entry(layer, 'config') as Rec | undefined)?.entries ?? {};
      return {
        className: str(entry(layer, 'className')) ?? '?',
        name: str(entry(layer, 'name')) ?? '?',
        wrapped: str(entry(layer, 'wrapped')),
        outputShape: shapeOf(entry(layer, 'outputShape')),
        params: num(entry(layer, 'params')),
        config: Object.fromEntries(
          Object.entries(config).flatMap(([k, v]) => (v.kind === 'number' || v.kind === 'boolean' || v.kind === 'string' ? [[k, v.value]] : [])),
        ),
      };
    }),
  };
}

/** Layer class names of a model, looking inside wrappers (Bidirectional(LSTM) counts as LSTM). */
export function layerClasses(model: ModelSummary): string[] {
  return model.layers.flatMap((l) => (l.wrapped ? [l.className, l.wrapped] : [l.className]));
}

/** One line per layer, for messages: "LSTM(16) → Dense(1)". */
export function describeLayers(model: ModelSummary): string {
  if (model.layers.length === 0) return 'no layers';
  return model.layers
    .map((l) => `${l.className}${l.wrapped ? `(${l.wrapped})` : ''}${typeof l.config.units === 'number' ? `(${l.config.units})` : ''}`)
    .join(' → ');
}

/**
 * The structural rule of the model exercises: the model must contain at least one of `kinds` (e.g.
 * LSTM, GRU). Returns null when it does, else the message saying why it is rejected.
 */
export function recurrentLayerCheck(value: WireValue, kinds: readonly string[] = ['LSTM', 'GRU']): LocalizedText | null {
  const model = readModelSummary(value);
  if (!model) {
    return { en: 'buildModel must return a tf.LayersModel (e.g. from tf.sequential()).', zh: 'buildModel 必须返回一个 tf.LayersModel（例如 tf.sequential() 的结果）。' };
  }
  const classes = layerClasses(model);
  if (kinds.some((k) => classes.includes(k))) return null;
  const wanted = kinds.join(' / ');
  return {
    en: `The model has no ${wanted} layer (${describeLayers(model)}): this exercise is about recurrent networks, so a model without one is rejected. Add tf.layers.${kinds[0].toLowerCase()}({ units, … }) over the [batch, time, features] input.`,
    zh: `模型里没有 ${wanted} 层（${describeLayers(model)}）：本题练习的是循环网络，没有循环层的模型不被接受。请在 [batch, time, features] 输入之上加入 tf.layers.${kinds[0].toLowerCase()}({ units, … })。`,
  };
}
