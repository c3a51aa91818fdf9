// The sandbox frame's document and its Content-Security-Policy (served by app/grader-frame/route.ts).
import type { Env } from '@/lib/env';

/** The frame's script, bundled by scripts/build-grader-worker.mjs beside the learner's worker. */
export const GRADER_FRAME_SCRIPT = '/grader-frame/frame.js';

export const graderFrameHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LSTM Prep grader sandbox</title>
<script type="module" src="${GRADER_FRAME_SCRIPT}"></script></head><body></body></html>
`;

/**
 * The frame runs only our script and starts only our worker (whose own policy then applies), and only the
 * app may embed it: its public URL (BETTER_AUTH_URL) when set, else the two loopback names at any port.
 */
export function graderFramePolicy(env: Pick<Env, 'BETTER_AUTH_URL'>): string {
  const embedders = env.BETTER_AUTH_URL ? [new URL(env.BETTER_AUTH_URL).origin] : ['http://localhost:*', 'http://127.0.0.1:*'];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "worker-src 'self'",
    `frame-ancestors ${embedders.join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
