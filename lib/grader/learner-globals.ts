// Everything learner code can see besides its `tf` import and ECMAScript's own built-ins, in one place.

/** Globals the sandbox adds to a fresh JavaScript realm for exercise code (Node `vm` context). */
export const LEARNER_EXTRA_GLOBALS = ['console'] as const;

/** console methods exercise code may call; all of them write into the captured, capped output. */
export const LEARNER_CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/**
 * Browser worker globals removed (from the global object and its prototype chain) after tfjs and its
 * wasm binary have loaded and before learner code runs: no network, no nested workers, no script loading.
 */
export const BROWSER_REMOVED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'Request',
  'Response',
  'navigator',
  'indexedDB',
  'caches',
] as const;
