// GET /api/export: all of the signed-in learner's data as JSON. Logic: lib/server/api/export.ts.
import { appContext } from '@/lib/server/api/context';
import { getExport } from '@/lib/server/api/export';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return getExport(request, await appContext(), {});
}
