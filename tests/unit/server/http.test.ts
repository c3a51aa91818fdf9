// The API edge: byte limits enforced while streaming (whatever Content-Length says), JSON and zod
// failures as 400s naming the field, and the wrapper that never leaks an unexpected error.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { HttpError, jsonRoute, parseWith, readBody, readJson, type ApiContext } from '@/lib/server/http';

const url = 'http://localhost/api/test';

/** A request whose body arrives in `chunks`, with whatever Content-Length the test wants (or none). */
function streamed(chunks: string[], contentLength?: string): Request {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(enc.encode(c));
      controller.close();
    },
  });
  const headers = new Headers({ 'content-type': 'application/json' });
  if (contentLength !== undefined) headers.set('content-length', contentLength);
  return new Request(url, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

async function caught(p: Promise<unknown>): Promise<HttpError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('expected an HttpError');
}

describe('readJson', () => {
  it('parses a body within the limit', async () => {
    await expect(readJson(new Request(url, { method: 'POST', body: '{"a":1}' }), 100)).resolves.toEqual({ a: 1 });
  });

  it('answers 400 when the client goes away mid-body (not a server error)', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"a":'));
        controller.error(new Error('aborted'));
      },
    });
    const err = await caught(readJson(new Request(url, { method: 'POST', body, duplex: 'half' } as RequestInit), 1000));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/cut off/);
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const err = await caught(readJson(streamed(['{}'], '5000'), 1000));
    expect(err.status).toBe(413);
    expect(err.message).toMatch(/larger than 1 kB/);
  });

  it('counts the bytes when Content-Length is absent', async () => {
    const err = await caught(readJson(streamed(['{"a":"', 'x'.repeat(600), 'y'.repeat(600), '"}']), 1000));
    expect(err.status).toBe(413);
  });

  it('counts the bytes when Content-Length lies', async () => {
    const err = await caught(readJson(streamed(['{"a":"', 'x'.repeat(2000), '"}'], '10'), 1000));
    expect(err.status).toBe(413);
  });

  it('counts bytes, not characters', async () => {
    // 400 three-byte characters = 1200 bytes
    const err = await caught(readJson(streamed([JSON.stringify({ a: '€'.repeat(400) })]), 1000));
    expect(err.status).toBe(413);
  });

  it('answers 400 for malformed JSON, an empty body, no body and invalid UTF-8', async () => {
    expect((await caught(readJson(new Request(url, { method: 'POST', body: '{"a":' }), 100))).status).toBe(400);
    expect((await caught(readJson(new Request(url, { method: 'POST', body: '  ' }), 100))).message).toMatch(/empty/);
    expect((await caught(readJson(new Request(url, { method: 'POST' }), 100))).message).toMatch(/no body/);
    const bad = new Request(url, { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    expect((await caught(readJson(bad, 100))).message).toMatch(/UTF-8/);
    expect((await caught(readJson(streamed(['{}'], 'abc'), 100))).status).toBe(400);
  });
});

describe('parseWith / readBody', () => {
  const schema = z.object({ code: z.string(), nested: z.object({ n: z.number() }) });

  it('returns the parsed value', () => {
    expect(parseWith(schema, { code: 'x', nested: { n: 1 } })).toEqual({ code: 'x', nested: { n: 1 } });
  });

  it('names the failing fields in a 400', async () => {
    const err = await caught(Promise.resolve().then(() => parseWith(schema, { code: 3, nested: { n: 'one' } })));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/code: /);
    expect(err.message).toMatch(/nested\.n: /);
    expect(err.message).toMatch(/expected string/);
  });

  it('reads, limits and parses in one step', async () => {
    await expect(readBody(new Request(url, { method: 'POST', body: '{"code":"c","nested":{"n":2}}' }), schema, 100)).resolves.toEqual({ code: 'c', nested: { n: 2 } });
    expect((await caught(readBody(new Request(url, { method: 'POST', body: '[]' }), schema, 100))).status).toBe(400);
  });
});

describe('jsonRoute', () => {
  const ctx = {} as ApiContext;
  afterEach(() => vi.restoreAllMocks());

  it('turns an HttpError into { error } with its status', async () => {
    const route = jsonRoute('test', async () => {
      throw new HttpError(404, 'Not found.');
    });
    const res = await route(new Request(url), ctx, {});
    expect(res.status).toBe(404);
    await expect(res.json()).resolves.toEqual({ error: 'Not found.' });
  });

  it('logs an unexpected error and answers an opaque 500', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const route = jsonRoute('test', async () => {
      throw new Error('connection string postgres://secret@db');
    });
    const res = await route(new Request(url), ctx, {});
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain('secret');
    expect(JSON.parse(body).error).toMatch(/went wrong/);
    expect(log).toHaveBeenCalledOnce();
  });

  it('passes a normal response through', async () => {
    const route = jsonRoute('test', async () => new Response('ok', { status: 201 }));
    expect((await route(new Request(url), ctx, {})).status).toBe(201);
  });
});
