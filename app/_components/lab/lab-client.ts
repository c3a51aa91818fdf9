// The page side of the lab worker: one worker per page, shared by every widget on it, started on the first request.
import { offerSandboxFrame } from '@/lib/grader/browser/frame-broker';
import { labReplySchema, type LabQuery, type LabReply, type LabRequest } from './lab-protocol';

type Waiting = (reply: LabReply) => void;

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, Waiting>();

function start(): Worker {
  const w = new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'lab' });
  offerSandboxFrame(w, process.env.NEXT_PUBLIC_GRADER_ORIGIN);
  w.onmessage = (event: MessageEvent) => {
    const parsed = labReplySchema.safeParse(event.data);
    if (!parsed.success) return;
    const resolve = waiting.get(parsed.data.id);
    waiting.delete(parsed.data.id);
    resolve?.(parsed.data);
  };
  w.onerror = (event) => {
    event.preventDefault();
    // Every pending request fails; the next one starts a fresh worker.
    for (const [id, resolve] of waiting) resolve({ type: 'failed', id, message: `the lab worker failed: ${event.message}` });
    waiting.clear();
    w.terminate();
    worker = null;
  };
  return w;
}

/** Sends `query` to the lab worker and resolves with its reply (a 'failed' reply on errors, never a rejection). */
export function askLab<Q extends LabQuery>(query: Q): Promise<Extract<LabReply, { type: Q['type'] }> | Extract<LabReply, { type: 'failed' }>> {
  worker ??= start();
  const id = nextId++;
  const request = { ...query, id } as LabRequest;
  return new Promise((resolve) => {
    waiting.set(id, resolve as Waiting);
    worker!.postMessage(request);
  });
}
