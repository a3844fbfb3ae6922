// Extends the scaffold's webpack config (never edit .config/, see the create-plugin docs on extending it).
import path from 'path';
import type { Configuration } from 'webpack';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';

/**
 * The layout worker is spawned through `PluginWorker` (see src/graph/layout/pluginWorker.ts) so that a
 * plugin served from another origin (Grafana's plugin CDN) still gets a worker. Webpack only emits a
 * worker chunk for the constructors named here; `...` keeps its defaults (`new Worker(new URL(...))`).
 */
export const WORKER_SYNTAX = ['PluginWorker from ./pluginWorker', '...'];

const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  const cache =
    base.cache && typeof base.cache === 'object' && base.cache.type === 'filesystem' ? base.cache : undefined;
  return {
    ...base,
    cache: cache && {
      ...cache,
      buildDependencies: {
        config: [...(cache.buildDependencies?.config ?? []), path.resolve(process.cwd(), 'webpack.config.ts')],
      },
    },
    module: {
      ...base.module,
      parser: { ...base.module?.parser, javascript: { ...base.module?.parser?.javascript, worker: WORKER_SYNTAX } },
    },
    output: {
      ...base.output,
      // module.js stays AMD (Grafana's SystemJS loads it); the worker chunk is a plain script (`self`
      // library, chosen in spawnLayoutWorker.ts): a worker has no `define`, an AMD worker dies at once.
      enabledLibraryTypes: ['amd', 'self'],
    },
  };
};

export default config;
