// Plain values that cross the worker boundary: tensors as { shape, dtype, data }, numbers, records, lists.
import { z } from 'zod';

/** Element types a tensor can carry across the boundary. */
export const tensorDtypeSchema = z.enum(['float32', 'int32', 'bool']);
export type TensorDtype = z.infer<typeof tensorDtypeSchema>;

type TensorData = Float32Array | Int32Array | Uint8Array | number[];

/** A tensor as plain data: row-major `data` of `shape`. */
export interface TensorValue {
  kind: 'tensor';
  shape: number[];
  dtype: TensorDtype;
  data: TensorData;
}

/** Anything an exercise function takes or returns, as plain data. */
export type WireValue =
  | TensorValue
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'null' }
  | { kind: 'list'; items: WireValue[] }
  | { kind: 'record'; entries: Record<string, WireValue> };

// z.number() rejects NaN and ±Infinity, which learner output may legitimately contain.
const anyNumber = z.custom<number>((v) => typeof v === 'number', 'expected a number');

const tensorDataSchema = z.union([
  z.instanceof(Float32Array),
  z.instanceof(Int32Array),
  z.instanceof(Uint8Array),
  z.array(anyNumber),
]);

/** Schema of a tensor value; checks that data length matches the shape. */
export const tensorValueSchema = z
  .object({
    kind: z.literal('tensor'),
    shape: z.array(z.number().int().nonnegative()).max(8),
    dtype: tensorDtypeSchema,
    data: tensorDataSchema,
  })
  .refine((t) => t.data.length === shapeSize(t.shape), 'tensor data length does not match its shape');

/** Schema of any wire value (recursive). */
export const wireValueSchema: z.ZodType<WireValue> = z.lazy(() =>
  z.union([
    tensorValueSchema,
    z.object({ kind: z.literal('number'), value: anyNumber }),
    z.object({ kind: z.literal('boolean'), value: z.boolean() }),
    z.object({ kind: z.literal('string'), value: z.string() }),
    z.object({ kind: z.literal('null') }),
    z.object({ kind: z.literal('list'), items: z.array(wireValueSchema) }),
    z.object({ kind: z.literal('record'), entries: z.record(z.string(), wireValueSchema) }),
  ]),
);

/** Number of elements of a tensor with this shape. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** A float32 tensor value; `data` is copied into a Float32Array. */
export function tensorValue(shape: number[], data: ArrayLike<number>, dtype: TensorDtype = 'float32'): TensorValue {
  const size = shapeSize(shape);
  if (data.length !== size) throw new Error(`tensorValue: ${data.length} values for shape [${shape.join(', ')}]`);
  const copy = dtype === 'float32' ? Float32Array.from(data) : dtype === 'int32' ? Int32Array.from(data) : Uint8Array.from(data);
  return { kind: 'tensor', shape: [...shape], dtype, data: copy };
}

/** A number value. */
export function numberValue(value: number): WireValue {
  return { kind: 'number', value };
}

/** A record (plain object) value, e.g. LSTM parameters { kernel, recurrentKernel, bias }. */
export function recordValue(entries: Record<string, WireValue>): WireValue {
  return { kind: 'record', entries };
}

/** A list value. */
export function listValue(items: WireValue[]): WireValue {
  return { kind: 'list', items };
}

/** Minimal structural view of a tfjs tensor, so this module needs no tfjs import. */
export interface TensorLike {
  shape: number[];
  dtype: string;
  dataSync(): ArrayLike<number>;
}

/** Minimal view of the tfjs functions needed to turn wire values into tensors. */
export interface TensorFactory {
  tensor(values: TensorData, shape: number[], dtype: 'float32' | 'int32' | 'bool'): unknown;
}

/** Reads a tfjs tensor into a wire value (copies the data). */
export function tensorToValue(t: TensorLike): TensorValue {
  const dtype: TensorDtype = t.dtype === 'int32' ? 'int32' : t.dtype === 'bool' ? 'bool' : 'float32';
  const raw = t.dataSync();
  const data = dtype === 'float32' ? Float32Array.from(raw) : dtype === 'int32' ? Int32Array.from(raw) : Uint8Array.from(raw);
  return { kind: 'tensor', shape: [...t.shape], dtype, data };
}

/** Turns a wire value into the value a function receives: tensors become tfjs tensors of `tf`. */
export function valueToArgument(tf: TensorFactory, value: WireValue): unknown {
  switch (value.kind) {
    case 'tensor':
      return tf.tensor(value.data, value.shape, value.dtype);
    case 'number':
    case 'boolean':
    case 'string':
      return value.value;
    case 'null':
      return null;
    case 'list':
      return value.items.map((item) => valueToArgument(tf, item));
    case 'record':
      return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, valueToArgument(tf, v)]));
  }
}

/** Describes a wire value's structure in a few words, for messages ("a tensor [2, 3]", "a record {h, c}"). */
export function describeValue(value: WireValue): string {
  switch (value.kind) {
    case 'tensor':
      return `a tensor of shape [${value.shape.join(', ')}]`;
    case 'record':
      return `an object with keys {${Object.keys(value.entries).join(', ')}}`;
    case 'list':
      return `a list of ${value.items.length} items`;
    case 'null':
      return 'null';
    default:
      return `a ${value.kind}`;
  }
}
