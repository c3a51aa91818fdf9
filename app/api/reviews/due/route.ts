// GET /api/reviews/due: the questions due now and the next one to come. Logic: lib/server/api/reviews.ts.
import { appContext } from '@/lib/server/api/context';
import { getDue } from '@/lib/server/api/reviews';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return getDue(request, await appContext(), {});
}
