// Reads the config file named by the caller or ALPHAPULSE_EXPORTER_CONFIG; without one, the default config.
import { readFile } from 'node:fs/promises';
import { CONFIG_ENV, ConfigError, parseConfig, type ExporterConfig } from './config';

export async function loadConfigFile(path: string | undefined, env: Record<string, string | undefined> = process.env): Promise<ExporterConfig> {
  const file = path ?? env[CONFIG_ENV.file];
  if (!file) return parseConfig(undefined, env, 'default config');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read: ${(err as Error).message}`);
  }
  return parseConfig(text, env, file);
}
