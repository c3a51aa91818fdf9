// GET /api/health: the app version and whether the database answers (503 when it does not).
import { NextResponse } from 'next/server';
import pkg from '@/package.json';
import { checkHealth } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await checkHealth(pkg.version);
  return NextResponse.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
