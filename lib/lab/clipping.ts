// The clipping demo: a 2-D loss with a cliff (Pascanu, Mikolov & Bengio 2013, fig. 6) and gradient descent on it, with and without norm clipping. Pure JS.

/** A point (w, b) of the parameter plane. */
export interface Point2 {
  w: number;
  b: number;
}

/**
 * The surface: a gentle bowl around the minimum (near (0, 0)) plus a wall of height `CLIFF_HEIGHT` whose
 * steep face runs along w = CLIFF_AT. A descent that starts on the plateau (w > CLIFF_AT) walks
 * down the bowl until it reaches the face, where the gradient (up to 30) is ~15× the bowl's steepest.
 *   L(w, b) = ½·(0.5·w² + b²) + CLIFF_HEIGHT · σ(CLIFF_STEEPNESS · (w − CLIFF_AT))
 */
export const CLIFF_AT = 2;
export const CLIFF_HEIGHT = 40;
export const CLIFF_STEEPNESS = 3;

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

export function cliffLoss({ w, b }: Point2): number {
  return 0.5 * (0.5 * w * w + b * b) + CLIFF_HEIGHT * sigmoid(CLIFF_STEEPNESS * (w - CLIFF_AT));
}

/** ∇L at (w, b), exact. */
export function cliffGradient({ w, b }: Point2): Point2 {
  const s = sigmoid(CLIFF_STEEPNESS * (w - CLIFF_AT));
  return { w: 0.5 * w + CLIFF_HEIGHT * CLIFF_STEEPNESS * s * (1 - s), b };
}

/** One step of a descent: where it was, the raw gradient's norm, and whether clipping scaled it. */
export interface DescentStep {
  at: Point2;
  loss: number;
  gradientNorm: number;
  clipped: boolean;
}

export interface DescentOptions {
  start: Point2;
  learningRate: number;
  steps: number;
  /** null: plain gradient descent; else the gradient is scaled to this norm when it is longer. */
  clipNorm: number | null;
}

export const DEFAULT_DESCENT: DescentOptions = { start: { w: 4.5, b: 1.5 }, learningRate: 0.2, steps: 40, clipNorm: null };
/** The clipping threshold the demo opens with. */
export const DEFAULT_CLIP_NORM = 1;

/** Gradient descent on the cliff surface: steps + 1 points, the start first. */
export function descend(o: DescentOptions): DescentStep[] {
  let at = o.start;
  const path: DescentStep[] = [];
  for (let k = 0; ; k++) {
    const g = cliffGradient(at);
    const norm = Math.hypot(g.w, g.b);
    const scale = o.clipNorm !== null && norm > o.clipNorm ? o.clipNorm / norm : 1;
    path.push({ at, loss: cliffLoss(at), gradientNorm: norm, clipped: scale < 1 });
    if (k === o.steps) return path;
    at = { w: at.w - o.learningRate * scale * g.w, b: at.b - o.learningRate * scale * g.b };
  }
}

/** The loss on an n × n grid over [wMin, wMax] × [bMin, bMax]; grid[row][col], row 0 at bMax (top of a picture). */
export function lossGrid(bounds: { wMin: number; wMax: number; bMin: number; bMax: number }, n: number): number[][] {
  return Array.from({ length: n }, (_, row) => {
    const b = bounds.bMax - ((bounds.bMax - bounds.bMin) * row) / (n - 1);
    return Array.from({ length: n }, (_, col) => cliffLoss({ w: bounds.wMin + ((bounds.wMax - bounds.wMin) * col) / (n - 1), b }));
  });
}

/** The view the demo draws. */
export const CLIFF_VIEW = { wMin: -6, wMax: 6, bMin: -3, bMax: 3 };

/** The longest single step of a descent: how far one update threw it. */
export function longestStep(path: DescentStep[]): number {
  let longest = 0;
  for (let k = 1; k < path.length; k++) longest = Math.max(longest, Math.hypot(path[k].at.w - path[k - 1].at.w, path[k].at.b - path[k - 1].at.b));
  return longest;
}

