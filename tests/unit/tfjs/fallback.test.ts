// lib/tfjs: when the wasm files cannot be loaded, ready() falls back to cpu and says so exactly once.
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/tfjs/wasm-paths', () => ({ wasmPathPrefix: () => '/nonexistent-tfjs-wasm/' }));

const { backendName, ready, tf } = await import('@/lib/tfjs');

describe('ready() without usable wasm files', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  // Emscripten reports the missing file on stderr / console.error; keep the test output readable.
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  afterAll(() => {
    warn.mockRestore();
    error.mockRestore();
  });
  const ours = () => warn.mock.calls.filter((args) => String(args[0]).startsWith('[lib/tfjs]'));

  it('falls back to cpu with one warning', async () => {
    await expect(ready()).resolves.toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(backendName()).toBe('cpu');
    expect(ours()).toHaveLength(1);
    expect(String(ours()[0][0])).toContain('running on cpu');
  });

  it('does not retry or warn again on later calls', async () => {
    await ready({ backend: 'cpu' });
    await expect(ready({ backend: 'wasm' })).resolves.toBe('cpu');
    expect(ours()).toHaveLength(1);
  });
});
