// The environment, parsed once with zod: which database to use and where the embedded one lives.
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  /** PostgreSQL connection string. Unset (or empty) = the embedded PGlite database. */
  DATABASE_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql:// (or be unset for the embedded database)')
        .optional(),
    )
    .optional(),
  /** Folder of the embedded database; relative paths are resolved from the project root. */
  PGLITE_DATA_DIR: z.string().trim().min(1).default('.data/pglite'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().trim().min(1).default('localhost'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Signs session cookies. Unset: a random secret kept in `.data/auth-secret` (made on first use). */
  BETTER_AUTH_SECRET: z.string().trim().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters').optional(),
  /** The public URL of the app (https in production: cookies are Secure exactly when it is https). */
  BETTER_AUTH_URL: z.url().optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Parses `source` (default: process.env); throws one readable error listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgres'; url: string };

/** Which database this process uses: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function databaseTarget(env: Env = parseEnv(), root: string = process.cwd()): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: path.resolve(root, env.PGLITE_DATA_DIR) };
}
