// Prisma CLI configuration: only `prisma generate` is used (migrations run through lib/server/migrate.ts,
// which works offline). No `url` in the schema in Prisma 7: it lives here.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // `env()` would throw when unset; generate needs no real database.
    url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/lstm_prep',
  },
});
