// lib/tfjs: ready() picks wasm, is shared by concurrent callers, switches on request, and takes WebGL out of the running.
import { describe, expect, it } from 'vitest';
import { backendName, ready, tf } from '@/lib/tfjs';

describe('ready()', () => {
  it('removes a registered WebGL backend and starts on wasm', async () => {
    // Node has no WebGL; register a stand-in with a higher priority, as the browser build would.
    tf.registerBackend('webgl', () => {
      throw new Error('the stand-in WebGL backend must never be initialised');
    }, 100);
    expect(backendName()).toBeNull();
    const first = ready();
    const second = ready();
    expect(second).toBe(first);
    await expect(first).resolves.toBe('wasm');
    expect(tf.findBackendFactory('webgl')).toBeNull();
    expect(tf.getBackend()).toBe('wasm');
    expect(backendName()).toBe('wasm');
  });

  it('is idempotent: later calls resolve to the same backend without re-initialising', async () => {
    const a = ready();
    await expect(a).resolves.toBe('wasm');
    expect(ready()).toBe(a);
    expect(tf.add(tf.scalar(2), tf.scalar(3)).dataSync()[0]).toBe(5);
  });

  it('switches to cpu on request and back to wasm', async () => {
    await expect(ready({ backend: 'cpu' })).resolves.toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(backendName()).toBe('cpu');
    await expect(ready()).resolves.toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('serialises concurrent switches: the last request wins', async () => {
    const toCpu = ready({ backend: 'cpu' });
    const toWasm = ready({ backend: 'wasm' });
    await expect(toCpu).resolves.toBe('cpu');
    await expect(toWasm).resolves.toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });
});
