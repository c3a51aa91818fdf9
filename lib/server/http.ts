// The HTTP edge of our API routes: JSON bodies read with a byte limit the route enforces itself (a
// missing or lying Content-Length cannot get past it), zod parsing into 400s that name the field, and
// one wrapper that turns an HttpError into `{ error }` and anything unexpected into a logged, opaque 500.
import { z } from 'zod';
import type { Auth } from './auth';
import type { Db } from './db';
import { sessionUser, type SessionUser } from './session';

/** What every route function gets besides the request: the database and auth of this process (or a test's). */
export interface ApiContext {
  db: Db;
  auth: Auth;
  /** The clock (tests pin it); default: now. */
  now?: () => Date;
}

/** An answer for the client: status and a human message, sent as `{ "error": message }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const NOT_SIGNED_IN = 'Sign in to sync your progress.';

const noStore = { 'cache-control': 'no-store' };

/** A JSON response that no cache keeps (it is one learner's data). */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...noStore } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: noStore });
}

const kB = (bytes: number) => (bytes >= 1_000_000 ? `${bytes / 1_000_000} MB` : `${Math.round(bytes / 1000)} kB`);
const tooLarge = (limit: number) => new HttpError(413, `The request body is larger than ${kB(limit)}.`);

/**
 * Reads the body as UTF-8 text, at most `limitBytes`: a declared Content-Length over the limit is
 * refused before reading, and the bytes are counted as they arrive so an absent or false one cannot
 * smuggle more. 413 when over, 400 when empty or not UTF-8.
 */
export async function readBodyText(request: Request, limitBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && declared.trim() !== '') {
    const n = Number(declared);
    if (!Number.isFinite(n) || n < 0) throw new HttpError(400, 'The Content-Length header is not a number.');
    if (n > limitBytes) throw tooLarge(limitBytes);
  }
  if (!request.body) throw new HttpError(400, 'The request has no body; a JSON document was expected.');
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body (closed tab, cut-off load test): its request, not our failure.
      throw new HttpError(400, 'The request body was cut off before it was complete.');
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'The request body is not valid UTF-8.');
  }
}

/** Reads and parses a JSON body of at most `limitBytes` (413 over it, 400 when it is not JSON). */
export async function readJson(request: Request, limitBytes: number): Promise<unknown> {
  const text = await readBodyText(request, limitBytes);
  if (text.trim() === '') throw new HttpError(400, 'The request body is empty; a JSON document was expected.');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

/** A zod issue as a person reads it: `field.path: message`. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Parses `data` with `schema`; 400 naming the first fields that fail (never a 500 for bad input). */
export function parseWith<S extends z.core.$ZodType>(schema: S, data: unknown, what = 'request body'): z.core.output<S> {
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const listed = issues.slice(0, 3).map(describeIssue).join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  throw new HttpError(400, `Invalid ${what}: ${listed}${more}.`);
}

/** Reads a JSON body with a byte limit and parses it with `schema`. */
export async function readBody<S extends z.core.$ZodType>(request: Request, schema: S, limitBytes: number): Promise<z.core.output<S>> {
  return parseWith(schema, await readJson(request, limitBytes));
}

/** The signed-in user of the request (from the session cookie only), or 401. */
export async function requireUser(request: Request, ctx: ApiContext): Promise<SessionUser> {
  const user = await sessionUser(request.headers, ctx.auth);
  if (!user) throw new HttpError(401, NOT_SIGNED_IN);
  return user;
}

export type RouteHandler<P> = (request: Request, ctx: ApiContext, params: P) => Promise<Response>;

/**
 * Wraps a route function: an HttpError becomes `{ error }` with its status; anything else is logged
 * with the route's name and answered with a 500 that says nothing about the cause.
 */
export function jsonRoute<P = Record<string, never>>(name: string, handler: RouteHandler<P>): RouteHandler<P> {
  return async (request, ctx, params) => {
    try {
      return await handler(request, ctx, params);
    } catch (err) {
      if (err instanceof HttpError) return json({ error: err.message }, err.status);
      console.error(`[api] ${name} failed:`, err);
      return json({ error: 'Something went wrong on our side; please try again.' }, 500);
    }
  };
}
