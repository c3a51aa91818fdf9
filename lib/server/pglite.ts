// Opens the embedded PGlite database for exactly one process: a lock file beside the data folder
// makes a second process fail at once with a clear message instead of corrupting the data.
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

export class DatabaseInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database at ${dataDir} is already open in process ${pid}. ` +
        'PGlite serves one process at a time: stop that process first, or run several app ' +
        'instances on PostgreSQL instead (set DATABASE_URL=postgresql://…; see the README).',
    );
    this.name = 'DatabaseInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<dataDir>.lock` for this process; a lock left by a dead process is taken over. */
function acquireLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new DatabaseInUseError(dataDir, owner);
      unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

export interface OpenPglite {
  pglite: PGlite;
  /** Closes the database and releases the lock. */
  close(): Promise<void>;
}

/** Opens (creating if needed) the PGlite data folder `dataDir`, holding its lock until `close()`. */
export async function openPglite(dataDir: string): Promise<OpenPglite> {
  mkdirSync(path.dirname(dataDir), { recursive: true }); // PGlite does not create missing parents
  const release = acquireLock(dataDir);
  try {
    const pglite = new PGlite(dataDir);
    await pglite.waitReady;
    return {
      pglite,
      async close() {
        try {
          // Prisma's PGlite adapter closes the instance on $disconnect; close only what is still open.
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
