// Central finite differences over every entry of nested float64 arrays, to check the plain-JS gradients.

/** A nested numeric array whose leaves can be perturbed in place. */
export type Mutable = number[] | Mutable[];

/**
 * ∂loss/∂v for every leaf v of `target`, by (loss(v + ε) − loss(v − ε)) / 2ε; `target` is restored.
 * Returns the gradients in the same nested shape.
 */
export function centralDifferences(target: Mutable, loss: () => number, epsilon = 1e-6): Mutable {
  return target.map((item, k) => {
    if (Array.isArray(item)) return centralDifferences(item, loss, epsilon);
    const leaf = target as number[];
    const saved = leaf[k];
    leaf[k] = saved + epsilon;
    const up = loss();
    leaf[k] = saved - epsilon;
    const down = loss();
    leaf[k] = saved;
    return (up - down) / (2 * epsilon);
  }) as Mutable;
}

/** Σ w ⊙ v over matching nested arrays (a loss whose gradient w.r.t. v is w). */
export function weightedSum(v: Mutable, w: Mutable): number {
  let s = 0;
  v.forEach((item, k) => {
    s += Array.isArray(item) ? weightedSum(item, w[k] as Mutable) : (item as number) * (w[k] as number);
  });
  return s;
}
