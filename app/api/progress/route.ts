// GET /api/progress: the account as the browser's progress document. Logic: lib/server/api/progress.ts.
import { appContext } from '@/lib/server/api/context';
import { getProgress } from '@/lib/server/api/progress';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return getProgress(request, await appContext(), {});
}
