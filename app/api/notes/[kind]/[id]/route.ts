// PUT /api/notes/<question|exercise>/<id>: a learner's note. Logic: lib/server/api/notes.ts.
import { appContext, type ParamsPromise } from '@/lib/server/api/context';
import { putNote } from '@/lib/server/api/notes';

export const dynamic = 'force-dynamic';

export async function PUT(request: Request, { params }: ParamsPromise<{ kind: string; id: string }>) {
  return putNote(request, await appContext(), await params);
}
