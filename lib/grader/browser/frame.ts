// Script of the grader's sandbox frame (bundled into public/grader-frame/frame.js): starts one learner
// worker per port its parent hands over and relays between them. It never runs learner code itself, so its
// main thread stays free to answer heartbeats while a learner's worker loops or allocates; and it ends a
// worker whose grading side has gone silent.
import {
  frameStartSchema,
  GRADER_WORKER_URL,
  HEARTBEAT_INTERVAL_MS,
  RELAY_ORPHANED_AFTER_TICKS,
  relayCommandSchema,
  type RelayEvent,
} from './frame-protocol';

/** Ports in use, held so that none is collected while its learner worker runs. */
const relays = new Set<MessagePort>();

function relay(port: MessagePort): void {
  relays.add(port);
  const send = (event: RelayEvent) => port.postMessage(event);
  const worker = new Worker(GRADER_WORKER_URL, { type: 'module', name: 'grader' });
  // A worker whose grading side stopped pinging is nobody's: end it rather than let a loop run on here.
  let silentTicks = 0;
  const watchdog = setInterval(() => {
    silentTicks += 1;
    if (silentTicks > RELAY_ORPHANED_AFTER_TICKS) end();
  }, HEARTBEAT_INTERVAL_MS);
  const end = () => {
    clearInterval(watchdog);
    worker.terminate();
    port.close();
    relays.delete(port);
  };
  worker.onmessage = (event: MessageEvent) => send({ kind: 'message', data: event.data });
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    send({ kind: 'error', message: String(event.message ?? '') });
  };
  port.onmessage = (event: MessageEvent) => {
    silentTicks = 0;
    const parsed = relayCommandSchema.safeParse(event.data);
    if (!parsed.success) return;
    const command = parsed.data;
    if (command.kind === 'post') worker.postMessage(command.data);
    else if (command.kind === 'ping') send({ kind: 'pong' });
    else end();
  };
  send({ kind: 'attached' });
}

window.addEventListener('message', (event: MessageEvent) => {
  // Only the page that embeds us (frame-ancestors says which pages may) hands over ports.
  if (event.source !== window.parent || !frameStartSchema.safeParse(event.data).success) return;
  const port = event.ports[0];
  if (port) relay(port);
});

window.parent.postMessage({ type: 'grader-frame-ready' }, '*');
