// POST /api/submissions (store once per clientId), GET /api/submissions (newest first). Logic: lib/server/api/submissions.ts.
import { appContext } from '@/lib/server/api/context';
import { getSubmissions, postSubmission } from '@/lib/server/api/submissions';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return postSubmission(request, await appContext(), {});
}

export async function GET(request: Request) {
  return getSubmissions(request, await appContext(), {});
}
