// The context a route function runs with in the app: this process's database and auth. Tests build
// their own ApiContext on a scratch database instead.
import { getAuth } from '../auth';
import { getDb } from '../db';
import type { ApiContext } from '../http';

export async function appContext(): Promise<ApiContext> {
  const [db, auth] = await Promise.all([getDb(), getAuth()]);
  return { db, auth };
}

/** Next 16 route params arrive as a promise. */
export type ParamsPromise<P> = { params: Promise<P> };
