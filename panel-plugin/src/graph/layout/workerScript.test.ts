import { workerScriptFor } from './workerScript';

describe('workerScriptFor', () => {
  it('starts a same-origin chunk directly, resolved against the page (Grafana: <base href> + public/plugins/<id>/)', () => {
    expect(
      workerScriptFor('public/plugins/p/layout-worker.js?_cache=1', 'https://grafana.example/sub/d/abc?orgId=1')
    ).toEqual({ kind: 'direct', url: 'https://grafana.example/sub/d/public/plugins/p/layout-worker.js?_cache=1' });
    expect(workerScriptFor('/grafana/public/plugins/p/w.js', 'https://g.example/grafana/')).toEqual({
      kind: 'direct',
      url: 'https://g.example/grafana/public/plugins/p/w.js',
    });
  });

  it('wraps a cross-origin chunk (plugin CDN) in a blob that importScripts it', () => {
    const script = workerScriptFor('https://cdn.example/p/1.0.0/public/plugins/p/w.js', 'https://grafana.example/d/x');
    expect(script).toEqual({
      kind: 'blob',
      source:
        'importScripts("https://cdn.example/p/1.0.0/public/plugins/p/w.js");URL.revokeObjectURL(self.location.href);',
    });
  });

  it('treats another port as another origin and escapes quotes in the URL', () => {
    const script = workerScriptFor('http://127.0.0.1:2/a"b.js', 'http://127.0.0.1:1/');
    expect(script.kind).toBe('blob');
    expect(script.kind === 'blob' && script.source.startsWith('importScripts("http://127.0.0.1:2/a%22b.js")')).toBe(
      true
    );
  });
});
