import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseTarget, parseEnv } from '@/lib/env';

describe('parseEnv / databaseTarget', () => {
  it('defaults to the embedded database under the project', () => {
    const env = parseEnv({});
    expect(databaseTarget(env, '/srv/app')).toEqual({ kind: 'pglite', dataDir: path.resolve('/srv/app', '.data/pglite') });
    expect(env.PORT).toBe(3000);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(databaseTarget(parseEnv({ DATABASE_URL: '  ' }), '/x').kind).toBe('pglite');
  });

  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    const url = 'postgresql://u:p@127.0.0.1:5432/db';
    expect(databaseTarget(parseEnv({ DATABASE_URL: url }))).toEqual({ kind: 'postgres', url });
    expect(databaseTarget(parseEnv({ DATABASE_URL: 'postgres://h/db' })).kind).toBe('postgres');
  });

  it('names every bad variable in one error', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://h/db', PORT: '70000' })).toThrow(
      /DATABASE_URL: DATABASE_URL must start with postgresql:\/\/[\s\S]*PORT:/,
    );
  });
});
