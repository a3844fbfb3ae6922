// Environment variable references in provisioning files: Grafana expands $VAR and ${VAR} when it loads them.

export function envReferences(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\$\{(\w+)\}|\$([A-Za-z_]\w*)/g)) names.add(match[1] ?? match[2]);
  return names;
}
