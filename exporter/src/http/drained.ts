// Backpressure for streamed answers (/metrics and the query API's sliced JSON).
import type { ServerResponse } from 'node:http';

/** Resolves when the response can take more data, or when the client has gone; leaves no listener behind. */
export function drained(res: ServerResponse): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
