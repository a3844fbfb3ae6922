// Secrets that `npm start` makes up when the environment gives none, kept in the git-ignored .data folder
// so a restart keeps the same API token (Grafana's datasource keeps working).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function persistentSecret(file: string): { value: string; created: boolean } {
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value) return { value, created: false };
  }
  mkdirSync(dirname(file), { recursive: true });
  const value = randomBytes(24).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}
