// Secrets that `npm start` makes up when the environment gives none, kept in the git-ignored data folder
// so a restart keeps the same API token (Grafana's datasource keeps working).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The data folder holds the API token and passwords: only its owner may enter it. Also tightens a folder an
 * older version left open (it was 0777 when run as root). The embedded PostgreSQL may then grant its own user
 * traversal (see simulator/src/db/embeddedPostgres.ts).
 */
export function privateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
}

export function persistentSecret(file: string): { value: string; created: boolean } {
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const value = readFileSync(file, 'utf8').trim();
    if (value) return { value, created: false };
  }
  if (!existsSync(dirname(file))) privateFolder(dirname(file));
  const value = randomBytes(24).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}
