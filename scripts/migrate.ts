// `npm run db:migrate` (also run by `npm start` and `npm run dev`): applies pending migrations to the
// database this environment points at — PostgreSQL when DATABASE_URL is set, else the embedded PGlite.
import { databaseTarget } from '../lib/env';
import { applyMigrationsToPglite, applyMigrationsToPostgres } from '../lib/server/migrate';
import { openPglite } from '../lib/server/pglite';

export async function migrate(): Promise<string[]> {
  const target = databaseTarget();
  if (target.kind === 'postgres') return applyMigrationsToPostgres(target.url);
  const db = await openPglite(target.dataDir);
  try {
    return await applyMigrationsToPglite(db.pglite);
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = databaseTarget();
  const where = target.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite at ${target.dataDir}`;
  try {
    const applied = await migrate();
    console.log(
      applied.length ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}` : `Database up to date (${where}).`,
    );
  } catch (err) {
    console.error(`Migrating ${where} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
