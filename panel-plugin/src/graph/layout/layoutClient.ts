import { computeGraphLayout, type GraphLayout, type LayoutRequest } from './layoutEngine';
import { spawnLayoutWorker } from './spawnLayoutWorker';

type Pending = { resolve: (layout: GraphLayout) => void; request: LayoutRequest };

const onMainThread = (request: LayoutRequest): GraphLayout => ({ ...computeGraphLayout(request), thread: 'main' });

/**
 * Lays out in a Web Worker when one can be started, else synchronously (tests, or a browser that blocks
 * the worker script). A worker failure falls back to synchronous layout rather than showing nothing.
 */
export class LayoutClient {
  private worker: Worker | undefined;
  private workerFailed = false;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private useWorker = true) {}

  get mode(): 'worker' | 'sync' {
    return this.useWorker && !this.workerFailed && this.ensureWorker() ? 'worker' : 'sync';
  }

  layout(request: LayoutRequest): Promise<GraphLayout> {
    const worker = this.useWorker && !this.workerFailed ? this.ensureWorker() : undefined;
    if (!worker) {
      return Promise.resolve(onMainThread(request));
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, request });
      worker.postMessage({ id, request });
    });
  }

  dispose() {
    this.worker?.terminate();
    this.worker = undefined;
    this.pending.clear();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed) {
      return this.worker;
    }
    try {
      this.worker = spawnLayoutWorker();
    } catch (error) {
      console.warn(`Service graph: cannot start the layout worker (${String(error)}); laying out on the main thread`);
      this.worker = undefined;
    }
    if (!this.worker) {
      this.workerFailed = true;
      return undefined;
    }
    this.worker.onmessage = (event: MessageEvent<{ id: number; layout?: GraphLayout; error?: string }>) => {
      const entry = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      if (!entry) {
        return;
      }
      if (!event.data.layout) {
        console.warn(`Service graph: the layout worker failed (${event.data.error}); laying out on the main thread`);
      }
      entry.resolve(event.data.layout ?? onMainThread(entry.request));
    };
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      // Say so: a silent fallback hides a broken worker chunk until a large graph freezes the page.
      console.warn(
        `Service graph: the layout worker did not start (${event.message || 'script error'}); laying out on the main thread`
      );
      this.failOver();
    };
    return this.worker;
  }

  private failOver() {
    this.workerFailed = true;
    this.worker?.terminate();
    this.worker = undefined;
    for (const [, entry] of this.pending) {
      entry.resolve(onMainThread(entry.request));
    }
    this.pending.clear();
  }
}
