// The JSON answer of a query batch, serialised in slices with a turn of the event loop between them, so a large
// answer never blocks the process (health checks, scrapes) for long; and its size known before anything is sent.
import type { FrameDTO } from './frames';

/** Values serialised between two turns of the event loop. */
const SLICE = 4_096;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Values in the frames (fields x rows), the unit of the points caps. */
export function countPoints(frames: readonly FrameDTO[]): number {
  let points = 0;
  for (const frame of frames) for (const field of frame.fields) points += field.values.length;
  return points;
}

/** JSON text of `frames` as pieces; their concatenation equals JSON.stringify(frames). Stops early when `stop()`. */
export async function serialiseFrames(frames: readonly FrameDTO[], stop: () => boolean = () => false): Promise<string[]> {
  const pieces: string[] = ['['];
  let sinceYield = 0;
  for (const [f, frame] of frames.entries()) {
    const { fields, ...rest } = frame;
    pieces.push(`${f ? ',' : ''}${JSON.stringify(rest).slice(0, -1)}${Object.keys(rest).length ? ',' : ''}"fields":[`);
    for (const [i, field] of fields.entries()) {
      const { values, ...meta } = field;
      pieces.push(`${i ? ',' : ''}${JSON.stringify(meta).slice(0, -1)}${Object.keys(meta).length ? ',' : ''}"values":[`);
      for (let start = 0; start < values.length; start += SLICE) {
        const slice = JSON.stringify(values.slice(start, start + SLICE));
        pieces.push(`${start ? ',' : ''}${slice.slice(1, -1)}`);
        sinceYield += Math.min(SLICE, values.length - start);
        if (sinceYield >= SLICE) {
          sinceYield = 0;
          await yieldToEventLoop();
          if (stop()) return pieces;
        }
      }
      pieces.push(']}');
    }
    pieces.push(']}');
  }
  pieces.push(']');
  return pieces;
}

export function byteLength(pieces: readonly string[]): number {
  let bytes = 0;
  for (const piece of pieces) bytes += Buffer.byteLength(piece);
  return bytes;
}
