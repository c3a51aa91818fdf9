// POST /api/reviews: rate a question; answers its FSRS card. Logic: lib/server/api/reviews.ts.
import { appContext } from '@/lib/server/api/context';
import { postReview } from '@/lib/server/api/reviews';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return postReview(request, await appContext(), {});
}
