// GET /questions/search-index.json: the questions' searchable text, generated at build time.
import { buildSearchIndex } from '@/lib/content/search-index';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildSearchIndex());
}
