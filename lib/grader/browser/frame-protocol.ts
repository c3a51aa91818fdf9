// Messages of the grader's sandbox frame: a hidden iframe from a second site that holds the learner's
// workers, so that a worker which exhausts memory takes down the frame's process, not the learner's tab.
//
//   page (frame-broker.ts) ──window.postMessage──▶ frame (frame.ts) ──new Worker──▶ /grader/worker.js
//   grading worker (learner-worker.ts) ◀──── one MessagePort per learner worker ────▶ frame's relay
import * as z from 'zod/mini'; // the mini build: the frame's whole script stays ≈ 20 kB

/** Where `scripts/build-grader-worker.mjs` puts the learner's worker (served with its own CSP). */
export const GRADER_WORKER_URL = '/grader/worker.js';

/** The frame's document, served from the grader origin with its own Content-Security-Policy. */
export const GRADER_FRAME_PATH = '/grader-frame';

/**
 * How often the grading side asks a frame's relay whether it is still there, and after how many pings in a
 * row without any answer it gives up (≈ 3 s while timers run; pings, not clock time, so a frozen tab is not
 * taken for a dead frame when it thaws).
 */
export const HEARTBEAT_INTERVAL_MS = 250;
export const HEARTBEAT_LOST_AFTER_PINGS = 12;
/**
 * The relay's side: after this many of its own ticks (HEARTBEAT_INTERVAL_MS apart) without a ping, the
 * grading worker is gone (Stop terminates it; so does leaving the page) and the relay ends the learner's worker.
 */
export const RELAY_ORPHANED_AFTER_TICKS = 40;

/** Frame → page (window message): the frame's script has loaded and listens. */
export const frameReadySchema = z.object({ type: z.literal('grader-frame-ready') });

/** Page → frame (window message, one MessagePort transferred): relay a new learner worker over this port. */
export const frameStartSchema = z.object({ type: z.literal('grader-frame-start') });

/** Page → a worker that grades (one MessagePort transferred): the broker to ask for learner workers. */
export const brokerOfferSchema = z.object({ type: z.literal('grader-sandbox-frame') });

/** Worker → page, over the broker port: start a learner worker (port transferred), or the frame stopped answering. */
export const brokerRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('frame-lost'), frame: z.int() }),
]);
export type BrokerRequest = z.infer<typeof brokerRequestSchema>;

/** Grading side → relay: a message for the learner's worker, a heartbeat, or the end of it. */
export const relayCommandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('post'), data: z.unknown() }),
  z.object({ kind: z.literal('ping') }),
  z.object({ kind: z.literal('terminate') }),
]);
export type RelayCommand = z.infer<typeof relayCommandSchema>;

/**
 * Relay → grading side: the relay holds the port (heartbeats start), a message from the learner's worker,
 * its error event, a heartbeat answer; or, from the page's broker, which frame the port goes to (its
 * number, so that a late report of a lost frame does not discard the next one) or that none could be had.
 */
export const relayEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('frame'), frame: z.int() }),
  z.object({ kind: z.literal('attached') }),
  z.object({ kind: z.literal('message'), data: z.unknown() }),
  z.object({ kind: z.literal('error'), message: z.string() }),
  z.object({ kind: z.literal('pong') }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
]);
export type RelayEvent = z.infer<typeof relayEventSchema>;
