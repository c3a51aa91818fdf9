// Page side of the sandbox frame: one hidden iframe from the grader origin (a second site, so the browser
// gives it its own process) that every grading worker on the page asks for learner workers, through a port.
import { brokerRequestSchema, frameReadySchema, GRADER_FRAME_PATH, type RelayEvent } from './frame-protocol';

/** How long the frame's document and script may take to load before a start is reported as failed. */
const FRAME_LOAD_TIMEOUT_MS = 20_000;
/** Grace after the frame's load event for its ready message, which is posted before that event. */
const LOADED_WITHOUT_READY_MS = 1_000;

const LOOPBACK_PAIR: Record<string, string> = { localhost: '127.0.0.1', '127.0.0.1': 'localhost' };

/**
 * The origin the sandbox frame is loaded from: `configured` (NEXT_PUBLIC_GRADER_ORIGIN) when set, else on
 * a loopback host the other loopback name (localhost ↔ 127.0.0.1 are different sites), else null: no
 * second site is known, and learner workers stay nested in the grading worker.
 */
export function graderFrameOrigin(page: Pick<Location, 'protocol' | 'hostname' | 'port' | 'origin'>, configured?: string): string | null {
  if (configured) return new URL(configured).origin === page.origin ? null : new URL(configured).origin;
  const other = LOOPBACK_PAIR[page.hostname];
  return other ? `${page.protocol}//${other}${page.port ? `:${page.port}` : ''}` : null;
}

export class SandboxFrameBroker {
  private frame: Promise<Window> | null = null;
  private element: HTMLIFrameElement | null = null;
  /** Number of the current frame; each replacement counts up. */
  private generation = 0;
  /** Broker ports handed out, held so that none is collected while its worker lives. */
  private readonly ports = new Set<MessagePort>();

  constructor(private readonly origin: string) {}

  /** A new broker port for one grading worker (or for this page's own sandbox). */
  connect(): MessagePort {
    const channel = new MessageChannel();
    this.ports.add(channel.port1);
    channel.port1.onmessage = (event: MessageEvent) => {
      const parsed = brokerRequestSchema.safeParse(event.data);
      if (!parsed.success) return;
      if (parsed.data.type === 'start') {
        if (event.ports[0]) void this.start(event.ports[0]);
      } else if (parsed.data.frame === this.generation) this.discardFrame();
    };
    return channel.port2;
  }

  private async start(learnerPort: MessagePort): Promise<void> {
    try {
      const frame = await (this.frame ??= this.loadFrame());
      learnerPort.postMessage({ kind: 'frame', frame: this.generation } satisfies RelayEvent);
      frame.postMessage({ type: 'grader-frame-start' }, this.origin, [learnerPort]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      learnerPort.postMessage({ kind: 'failed', message } satisfies RelayEvent);
      learnerPort.close();
    }
  }

  /** The frame died (a learner's worker ran it out of memory): the next start loads a new one. */
  private discardFrame(): void {
    this.element?.remove();
    this.element = null;
    this.frame = null;
    this.generation += 1;
  }

  private loadFrame(): Promise<Window> {
    const iframe = document.createElement('iframe');
    iframe.src = `${this.origin}${GRADER_FRAME_PATH}`;
    iframe.title = 'Grader sandbox';
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    // One transparent pixel in the viewport rather than none: browsers may lower the priority of the process
    // behind a frame nobody can see, and the learner's code runs in it.
    iframe.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none';
    this.element = iframe;
    return new Promise<Window>((resolve, reject) => {
      const fail = () => {
        clearTimeout(timer);
        clearTimeout(afterLoad);
        window.removeEventListener('message', onReady);
        if (this.element === iframe) this.discardFrame();
        reject(new Error(`the grader's sandbox frame (${this.origin}) did not load`));
      };
      const timer = setTimeout(fail, FRAME_LOAD_TIMEOUT_MS);
      let afterLoad: ReturnType<typeof setTimeout> | undefined;
      // The frame's script runs before its load event: a frame that loaded without saying so was refused
      // (its policy does not list this page, or the host is not ours) and will not answer later either.
      iframe.addEventListener('load', () => (afterLoad = setTimeout(fail, LOADED_WITHOUT_READY_MS)), { once: true });
      const onReady = (event: MessageEvent) => {
        if (event.source !== iframe.contentWindow || event.origin !== this.origin || !frameReadySchema.safeParse(event.data).success) return;
        clearTimeout(timer);
        clearTimeout(afterLoad);
        window.removeEventListener('message', onReady);
        resolve(iframe.contentWindow!);
      };
      window.addEventListener('message', onReady);
      document.body.append(iframe);
    });
  }
}

let pageBroker: SandboxFrameBroker | null | undefined;

/** This page's broker (one frame for all its grading workers), or null when there is no second site. */
export function pageSandboxFrame(configuredOrigin?: string): SandboxFrameBroker | null {
  if (pageBroker === undefined) {
    const origin = graderFrameOrigin(window.location, configuredOrigin);
    pageBroker = origin ? new SandboxFrameBroker(origin) : null;
  }
  return pageBroker;
}

/** Gives `worker` a broker port, which its BrowserSandbox takes up (see `brokerFromOffer`); no-op without a frame. */
export function offerSandboxFrame(worker: Worker, configuredOrigin?: string): void {
  const broker = pageSandboxFrame(configuredOrigin);
  if (broker) worker.postMessage({ type: 'grader-sandbox-frame' }, [broker.connect()]);
}
