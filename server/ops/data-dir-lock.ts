import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded PGlite folder may be opened by one process only (two would corrupt it), and PGlite
 * itself records no real process id. The server writes `DATA_DIR/server.pid` while it holds the
 * folder; backup and restore refuse while that process is alive. A file left by a killed process
 * (its pid is gone) does not block them.
 */
export function pidFile(dataDir: string): string {
  return join(dataDir, 'server.pid');
}

export function holdDataDir(dataDir: string): () => void {
  const file = pidFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, String(process.pid));
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
  };
}

/** The pid of a live process holding the folder, or null. */
export function dataDirHolder(dataDir: string): number | null {
  const file = pidFile(dataDir);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
