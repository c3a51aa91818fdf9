// PUT / DELETE /api/drafts/<exerciseId>: the latest code of an exercise. Logic: lib/server/api/drafts.ts.
import { appContext, type ParamsPromise } from '@/lib/server/api/context';
import { putDraft, removeDraft } from '@/lib/server/api/drafts';

export const dynamic = 'force-dynamic';

export async function PUT(request: Request, { params }: ParamsPromise<{ exerciseId: string }>) {
  return putDraft(request, await appContext(), await params);
}

export async function DELETE(request: Request, { params }: ParamsPromise<{ exerciseId: string }>) {
  return removeDraft(request, await appContext(), await params);
}
