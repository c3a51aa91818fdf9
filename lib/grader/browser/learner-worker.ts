// One learner worker as the browser grader sees it, wherever it runs: nested in the grading worker, or in
// the sandbox frame (a second site, so its own process) reached through the page's broker.
import {
  brokerOfferSchema,
  HEARTBEAT_INTERVAL_MS,
  HEARTBEAT_LOST_AFTER_PINGS,
  relayEventSchema,
  type BrokerRequest,
  type RelayCommand,
} from './frame-protocol';

export interface LearnerWorkerEvents {
  /** A message the learner's worker posted (parsed by the caller). */
  message(data: unknown): void;
  /** The worker's error event (uncaught error, failed load, out of memory inside the worker). */
  error(message: string): void;
  /** The process holding the worker stopped answering: the frame was killed, almost always for memory. */
  lost(): void;
  /** No worker could be started at all (the broker could not load its frame). */
  failed(message: string): void;
}

export interface LearnerWorker {
  post(message: unknown): void;
  terminate(): void;
}

export type LearnerWorkerLauncher = (events: LearnerWorkerEvents) => LearnerWorker;

/** A worker nested in the current one (or the page): a tab-killing allocation takes the tab with it. */
export function nestedLauncher(url: string): LearnerWorkerLauncher {
  return (events) => {
    const worker = new Worker(url, { type: 'module', name: 'grader' });
    worker.onmessage = (event: MessageEvent) => events.message(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      events.error(String(event.message ?? ''));
    };
    return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate() };
  };
}

/**
 * A worker in the sandbox frame, asked for through `broker`. From the moment the frame's relay holds the
 * port it is pinged. The relay never runs learner code, so only a dead process stops answering: after
 * HEARTBEAT_LOST_AFTER_PINGS pings in a row without a word back the worker is lost and the broker is told
 * to make a new frame. Counting pings rather than clock time keeps a tab the browser froze and then thawed
 * from being taken for dead.
 */
export function frameLauncher(broker: MessagePort): LearnerWorkerLauncher {
  return (events) => {
    const channel = new MessageChannel();
    const port = channel.port1;
    const send = (command: RelayCommand) => port.postMessage(command);
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let unanswered = 0;
    let frame = -1;
    let ended = false;
    const stop = () => {
      ended = true;
      clearInterval(heartbeat);
      port.close();
    };
    port.onmessage = (event: MessageEvent) => {
      const parsed = relayEventSchema.safeParse(event.data);
      if (!parsed.success || ended) return;
      const relayed = parsed.data;
      unanswered = 0;
      if (relayed.kind === 'frame') frame = relayed.frame;
      else if (relayed.kind === 'attached') {
        heartbeat = setInterval(() => {
          if (unanswered < HEARTBEAT_LOST_AFTER_PINGS) {
            unanswered += 1;
            send({ kind: 'ping' });
            return;
          }
          stop();
          broker.postMessage({ type: 'frame-lost', frame } satisfies BrokerRequest);
          events.lost();
        }, HEARTBEAT_INTERVAL_MS);
      } else if (relayed.kind === 'message') events.message(relayed.data);
      else if (relayed.kind === 'error') events.error(relayed.message);
      else if (relayed.kind === 'failed') {
        stop();
        events.failed(relayed.message);
      }
    };
    broker.postMessage({ type: 'start' } satisfies BrokerRequest, [channel.port2]);
    return {
      post: (message) => send({ kind: 'post', data: message }),
      terminate: () => {
        if (ended) return;
        send({ kind: 'terminate' });
        stop();
      },
    };
  };
}

/** The broker port in a page's offer (`offerSandboxFrame`), or null when `event` is another message. */
export function brokerFromOffer(event: MessageEvent): MessagePort | null {
  return brokerOfferSchema.safeParse(event.data).success ? (event.ports[0] ?? null) : null;
}
