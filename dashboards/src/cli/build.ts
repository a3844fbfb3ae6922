// Writes the generated dashboards and alert rules into provisioning/grafana/, replacing stale dashboard files.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DASHBOARDS_DIR, REPO_ROOT, generatedFiles } from '../grafana/generatedFiles';

function listJson(dir: string): string[] {
  let entries: string[] = [];
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) entries = entries.concat(listJson(path));
      else if (entry.name.endsWith('.json')) entries.push(path);
    }
  } catch {
    // first build: nothing there yet
  }
  return entries;
}

const files = generatedFiles();
// A dashboard removed from the code must disappear from Grafana too, so stale JSON is deleted.
for (const stale of listJson(DASHBOARDS_DIR).filter((path) => !files.has(path))) {
  rmSync(stale);
  console.log(`removed ${relative(REPO_ROOT, stale)}`);
}
for (const [path, text] of files) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`wrote ${files.size} files under ${relative(REPO_ROOT, dirname(DASHBOARDS_DIR))}/..`);
