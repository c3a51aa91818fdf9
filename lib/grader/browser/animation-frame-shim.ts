// Imported before tfjs in the learner's worker. Chromium exposes requestAnimationFrame in dedicated workers
// but throws NotSupportedError when a worker without a canvas calls it; tfjs picks its frame callback once,
// at load, and model.fit awaits it between batches. A timer-based stand-in keeps fit() working.
const scope = globalThis as unknown as { requestAnimationFrame?: (callback: (time: number) => void) => number };

scope.requestAnimationFrame = (callback) => setTimeout(() => callback(performance.now()), 0) as unknown as number;

export {};
