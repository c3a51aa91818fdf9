// tf.tidy for functions that return our result interfaces (tfjs' TensorContainer type wants index signatures).
import { tf } from '../tfjs';

/** Runs `fn` in `tf.tidy`: every tensor it creates is freed except those reachable from its result. */
export function tidyResult<T extends object>(fn: () => T): T {
  return tf.tidy(fn as unknown as () => tf.TensorContainer) as unknown as T;
}
