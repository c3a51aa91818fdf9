// The grading side of the sandbox frame, against a stand-in relay on real MessagePorts: a relay that answers
// keeps its worker, one that falls silent (its process died) is reported lost once, and the broker is told
// which frame to replace.
import { afterEach, describe, expect, it } from 'vitest';
import { HEARTBEAT_INTERVAL_MS, HEARTBEAT_LOST_AFTER_PINGS, type BrokerRequest, type RelayCommand, type RelayEvent } from '@/lib/grader/browser/frame-protocol';
import { frameLauncher, type LearnerWorkerEvents } from '@/lib/grader/browser/learner-worker';

const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** A broker whose frame relays on the learner ports it is given; `answerPings: false` is a dead process. */
function standInBroker(relay: { answerPings: boolean; frame: number }) {
  const channel = new MessageChannel();
  const requests: BrokerRequest[] = [];
  const commands: RelayCommand['kind'][] = [];
  channel.port2.onmessage = (event: MessageEvent<BrokerRequest>) => {
    requests.push(event.data);
    const learnerPort = event.ports[0];
    if (!learnerPort) return;
    open.push(learnerPort);
    const send = (e: RelayEvent) => learnerPort.postMessage(e);
    send({ kind: 'frame', frame: relay.frame });
    learnerPort.onmessage = (e: MessageEvent<RelayCommand>) => {
      commands.push(e.data.kind);
      if (e.data.kind === 'ping' && relay.answerPings) send({ kind: 'pong' });
      if (e.data.kind === 'post') send({ kind: 'message', data: { echo: e.data.data } });
    };
    send({ kind: 'attached' });
  };
  open.push(channel.port1, channel.port2);
  return { port: channel.port1, requests, commands };
}

function recordingEvents() {
  const seen: string[] = [];
  const events: LearnerWorkerEvents = {
    message: (data) => seen.push(`message ${JSON.stringify(data)}`),
    error: (message) => seen.push(`error ${message}`),
    lost: () => seen.push('lost'),
    failed: (message) => seen.push(`failed ${message}`),
  };
  return { seen, events };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('frameLauncher', () => {
  it('relays messages both ways and keeps a worker whose relay answers; only a silent relay is lost, once', async () => {
    const alive = standInBroker({ answerPings: true, frame: 3 });
    const dead = standInBroker({ answerPings: false, frame: 7 });
    const a = recordingEvents();
    const d = recordingEvents();
    const aliveWorker = frameLauncher(alive.port)(a.events);
    frameLauncher(dead.port)(d.events);
    aliveWorker.post({ type: 'run' });

    await wait((HEARTBEAT_LOST_AFTER_PINGS + 4) * HEARTBEAT_INTERVAL_MS);

    expect(a.seen).toEqual(['message {"echo":{"type":"run"}}']);
    expect(alive.commands.filter((k) => k === 'ping').length).toBeGreaterThan(5);
    expect(alive.requests).toEqual([{ type: 'start' }]);

    expect(d.seen).toEqual(['lost']);
    expect(dead.requests).toEqual([{ type: 'start' }, { type: 'frame-lost', frame: 7 }]);
    const pingsWhenLost = dead.commands.length;
    await wait(600);
    expect(dead.commands.length, 'no pings after the loss').toBe(pingsWhenLost);

    aliveWorker.terminate();
    await wait(50);
    expect(alive.commands.at(-1)).toBe('terminate');
  }, 10_000);

  it("reports the broker's failure to load a frame", async () => {
    const channel = new MessageChannel();
    open.push(channel.port1, channel.port2);
    channel.port2.onmessage = (event: MessageEvent) => {
      event.ports[0].postMessage({ kind: 'failed', message: "the grader's sandbox frame (http://127.0.0.1:3000) did not load" } satisfies RelayEvent);
    };
    const { seen, events } = recordingEvents();
    frameLauncher(channel.port1)(events);
    await wait(100);
    expect(seen).toEqual(["failed the grader's sandbox frame (http://127.0.0.1:3000) did not load"]);
  });
});
