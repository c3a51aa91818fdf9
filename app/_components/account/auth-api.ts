// better-auth's HTTP endpoints through plain fetch (the auth client library would weigh on every page):
// sign-in, sign-up, sign-out, change-password, delete-user. Errors become one message a person can act on.

export type AuthOutcome = { ok: true; data: unknown } | { ok: false; status: number | null; code: string; message: string; retryAfterS: number | null };

async function post(path: string, body: unknown): Promise<AuthOutcome> {
  let res: Response;
  try {
    res = await fetch(`/api/auth/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: null, code: '', message: '', retryAfterS: null };
  }
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data };
  const field = (key: string) => (data && typeof data === 'object' && key in data && typeof (data as Record<string, unknown>)[key] === 'string' ? String((data as Record<string, unknown>)[key]) : '');
  const message = field('message');
  const code = field('code');
  const retry = Number(res.headers.get('x-retry-after') ?? res.headers.get('retry-after'));
  return { ok: false, status: res.status, code, message, retryAfterS: Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : null };
}

export const signIn = (email: string, password: string) => post('sign-in/email', { email, password, rememberMe: true });
/** Answers alike whether or not the email is taken (the server's autoSignIn is off): sign in afterwards. */
export const signUp = (email: string, password: string) => post('sign-up/email', { email, password, name: email.split('@')[0] || email });
export const signOut = () => post('sign-out', {});
export const changePassword = (currentPassword: string, newPassword: string) =>
  post('change-password', { currentPassword, newPassword, revokeOtherSessions: true });
export const deleteUser = (password: string) => post('delete-user', { password });
