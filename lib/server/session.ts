// Who is asking: the signed-in user of a request, read from its session cookie by better-auth and
// checked against the session table. Every data access in lib/server takes the user id this returns;
// nothing trusts a user id sent by the client, and no header but the cookie is consulted.
import type { Auth } from './auth';
import { getAuth } from './auth';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in user, or null (no cookie, expired or unknown session). */
export async function sessionUser(headers: Headers, auth?: Auth): Promise<SessionUser | null> {
  const resolved = auth ?? (await getAuth());
  const session = await resolved.api.getSession({ headers });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name };
}
