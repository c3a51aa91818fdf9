// GET /api/submissions/<clientId>: one of the signed-in user's submissions. Logic: lib/server/api/submissions.ts.
import { appContext, type ParamsPromise } from '@/lib/server/api/context';
import { getOneSubmission } from '@/lib/server/api/submissions';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: ParamsPromise<{ clientId: string }>) {
  return getOneSubmission(request, await appContext(), await params);
}
