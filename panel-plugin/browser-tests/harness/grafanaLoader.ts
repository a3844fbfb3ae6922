// Loads a plugin's module.js the way Grafana 12 does, so the built plugin (and its worker) meet the same
// conditions as in Grafana:
// - SystemJS fetches the source and Grafana's fetch hook wraps it in `(function(define){…})(window.__grafana_amd_define)`
//   (grafana/grafana public/app/features/plugins/loader/systemjsHooks.ts: decorateSystemJSFetch,
//   preventAMDLoaderCollision);
// - a plugin on the CDN gets every `public/plugins` in its source rewritten to the CDN address
//   (public/app/features/plugins/cdn/utils.ts: transformPluginSourceForCDN);
// - SystemJS's AMD extra hands the 'module' dependency as `{ exports }` with NO `uri` (systemjs/systemjs
//   src/extras/amd.js: createAMDRegister), so webpack's public path is the scaffold's fallback
//   'public/plugins/<id>/', resolved against the page's <base href> (public/views/index-template.html).

type Factory = (...deps: unknown[]) => unknown;

export function transformPluginSourceForCDN(url: string, source: string): string {
  const baseAddress = url.split('/public/plugins/')[0];
  return source
    .replace(/(\/?)(public\/plugins)/g, `${baseAddress}/$2`)
    .replace(/(["|'])(plugins\/.+?.css)(["|'])/g, `$1${baseAddress}/public/$2$3`);
}

export async function loadPluginLikeGrafana<T>(url: string, provided: Record<string, unknown>): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`could not load ${url}: ${response.status}`);
  }
  let source = await response.text();
  if (new URL(url).origin !== location.origin) {
    source = transformPluginSourceForCDN(url, source);
  }
  let registered: { deps: string[]; factory: Factory } | undefined;
  const define = (...args: unknown[]) => {
    const factory = args[args.length - 1] as Factory;
    const deps = (
      Array.isArray(args[args.length - 2]) ? args[args.length - 2] : ['require', 'exports', 'module']
    ) as string[];
    registered = { deps, factory };
  };
  define.amd = {};
  (window as unknown as { __grafana_amd_define: unknown }).__grafana_amd_define = define;
  // SystemJS evaluates fetched sources with an indirect eval and a sourceURL.
  (0, eval)(`(function(define) {\n${source}\n})(window.__grafana_amd_define);\n//# sourceURL=${url}`);
  if (!registered) {
    throw new Error(`${url} did not call define(): not an AMD module`);
  }
  const exports: Record<string, unknown> = {};
  const module: { exports: unknown } = { exports };
  const missing = registered.deps.filter(
    (dep) => !['require', 'exports', 'module'].includes(dep) && !(dep in provided)
  );
  if (missing.length > 0) {
    throw new Error(`module.js needs externals the harness does not provide: ${missing.join(', ')}`);
  }
  const resolved = registered.deps.map((dep) =>
    dep === 'module' ? module : dep === 'exports' ? exports : dep === 'require' ? undefined : provided[dep]
  );
  const result = registered.factory.apply(exports, resolved);
  return (result !== undefined ? result : module.exports) as T;
}
