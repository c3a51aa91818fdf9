// /api/auth/*: better-auth's endpoints (sign-up, sign-in, sign-out, session, change-password, delete-user).
import { getAuth } from '@/lib/server/auth';

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  return auth.handler(request);
}

export { handle as GET, handle as POST };
