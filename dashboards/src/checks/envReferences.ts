// Environment variable references in provisioning files: Grafana expands $VAR and ${VAR} when it loads them.
// Only upper-case names count: lower-case ones are alert template variables ($labels, $values).

export function envReferences(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\$\{([A-Z][A-Z0-9_]*)\}|\$([A-Z][A-Z0-9_]*)\b/g)) names.add(match[1] ?? match[2]);
  return names;
}
