// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between the existing migrations and prisma/schema.prisma (offline; see lib/server/migrate.ts).
import { diffSchemaAgainstMigrations, writeMigration } from '../lib/server/migrate';

const name = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (!name) {
  console.error('Usage: npm run db:diff -- <migration_name>');
  process.exit(2);
}
const sql = await diffSchemaAgainstMigrations();
if (sql === null) {
  console.log('The schema matches the migrations: no new migration written.');
} else {
  const folder = await writeMigration(name, sql);
  console.log(`Wrote ${folder}/migration.sql:\n\n${sql}`);
}
