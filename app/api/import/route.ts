// POST /api/import: an export document back into the account (validated, merged). Logic: lib/server/api/export.ts.
import { appContext } from '@/lib/server/api/context';
import { postImport } from '@/lib/server/api/export';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return postImport(request, await appContext(), {});
}
