// POST /api/progress/merge: merges a browser's (guest's) progress into the account. Logic: lib/server/api/progress.ts.
import { appContext } from '@/lib/server/api/context';
import { postMerge } from '@/lib/server/api/progress';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return postMerge(request, await appContext(), {});
}
