// Where the browser grader's sandbox frame comes from and what its document may do (the frame itself is
// exercised in Chromium by tests/e2e/grader-sandbox.e2e.ts).
import { describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/grader-frame/route';
import { graderFrameOrigin } from '@/lib/grader/browser/frame-broker';
import { graderFramePolicy } from '@/lib/grader/frame-page';

const at = (href: string) => {
  const url = new URL(href);
  return { protocol: url.protocol, hostname: url.hostname, port: url.port, origin: url.origin };
};

describe('graderFrameOrigin', () => {
  it('pairs the two loopback names, which browsers treat as different sites, keeping the port', () => {
    expect(graderFrameOrigin(at('http://localhost:3000/exercises/01'))).toBe('http://127.0.0.1:3000');
    expect(graderFrameOrigin(at('http://127.0.0.1:3100/'))).toBe('http://localhost:3100');
    expect(graderFrameOrigin(at('http://localhost/'))).toBe('http://127.0.0.1');
  });

  it('uses the configured origin, and none when nothing is configured off loopback or it is the page itself', () => {
    expect(graderFrameOrigin(at('https://lstm-prep.example/'), 'https://grader.lstm-prep-sandbox.example/any/path')).toBe(
      'https://grader.lstm-prep-sandbox.example',
    );
    expect(graderFrameOrigin(at('https://lstm-prep.example/'))).toBeNull();
    expect(graderFrameOrigin(at('https://lstm-prep.example/'), 'https://lstm-prep.example')).toBeNull();
  });
});

describe('the sandbox frame document', () => {
  it('may run only its own script and workers, and be embedded only by the app', () => {
    const local = graderFramePolicy({});
    expect(local.split('; ')).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      "worker-src 'self'",
      'frame-ancestors http://localhost:* http://127.0.0.1:*',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(graderFramePolicy({ BETTER_AUTH_URL: 'https://lstm-prep.example/app' })).toContain('frame-ancestors https://lstm-prep.example;');
  });

  it('is served by /grader-frame with the policy for the app URL it runs with, loading the bundled frame script', async () => {
    vi.stubEnv('BETTER_AUTH_URL', 'https://lstm-prep.example');
    try {
      const response = GET();
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; script-src 'self'; worker-src 'self'; frame-ancestors https://lstm-prep.example; base-uri 'none'; form-action 'none'",
      );
      expect(await response.text()).toContain('<script type="module" src="/grader-frame/frame.js"></script>');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
