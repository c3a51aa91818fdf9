// Where the Prisma schema and its migrations live (shared by the migrator and the health check).
import path from 'node:path';

export interface MigrationPaths {
  schemaPath: string;
  migrationsDir: string;
}

export function defaultMigrationPaths(root: string = process.cwd()): MigrationPaths {
  return {
    schemaPath: path.join(root, 'prisma', 'schema.prisma'),
    migrationsDir: path.join(root, 'prisma', 'migrations'),
  };
}
