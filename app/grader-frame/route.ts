// The grader's sandbox frame: a page with no content that holds learner workers (lib/grader/browser/frame.ts).
import { parseEnv } from '@/lib/env';
import { graderFrameHtml, graderFramePolicy } from '@/lib/grader/frame-page';

export const dynamic = 'force-dynamic'; // the policy reads BETTER_AUTH_URL when the server runs, not when it is built

export function GET(): Response {
  return new Response(graderFrameHtml, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': graderFramePolicy(parseEnv()),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
