// Renders metric families to the exposition format in chunks, yielding to the event loop between time slices,
// so that rendering 100k series never blocks other requests (prom-client renders in one synchronous block).
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { MetricFamily } from '../metrics/model';
import { type ExpositionFormat, familyHeader, formatLabels, formatValue } from './textFormat';

export interface RenderOptions {
  format: ExpositionFormat;
  /** A chunk is handed out once it reaches this many characters. */
  chunkChars?: number;
  /** Longest stretch of synchronous work before yielding to the event loop. */
  sliceMs?: number;
}

const DEFAULT_CHUNK_CHARS = 64 * 1024;
const DEFAULT_SLICE_MS = 8;
// How many samples to render between clock reads: reading the clock per sample would cost more than it saves.
const SAMPLES_PER_CHECK = 256;

function renderSamples(family: MetricFamily, from: number, to: number): string {
  const { name } = family.definition;
  const samples = family.samples;
  let out = '';
  for (let i = from; i < to; i++) {
    const sample = samples[i];
    const sampleName = sample.suffix ? name + sample.suffix : name;
    out += `${sampleName}${formatLabels(sample.labels)} ${formatValue(sample.value)}\n`;
  }
  return out;
}

function trailer(format: ExpositionFormat): string {
  return format === 'openmetrics' ? '# EOF\n' : '';
}

/** Whole output as one string, synchronously: for small outputs and tests. */
export function renderToString(families: readonly MetricFamily[], format: ExpositionFormat): string {
  let out = '';
  for (const family of families) {
    if (family.samples.length === 0) continue;
    out += familyHeader(family.definition, format) + renderSamples(family, 0, family.samples.length);
  }
  return out + trailer(format);
}

/** The output in chunks of about `chunkChars`, never working longer than `sliceMs` without yielding. */
export async function* renderChunks(families: readonly MetricFamily[], options: RenderOptions): AsyncGenerator<string> {
  const { format } = options;
  const chunkChars = options.chunkChars ?? DEFAULT_CHUNK_CHARS;
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  let buffer = '';
  let sliceStart = performance.now();

  for (const family of families) {
    const count = family.samples.length;
    if (count === 0) continue;
    buffer += familyHeader(family.definition, format);
    for (let from = 0; from < count; from += SAMPLES_PER_CHECK) {
      buffer += renderSamples(family, from, Math.min(count, from + SAMPLES_PER_CHECK));
      if (buffer.length >= chunkChars) {
        yield buffer;
        buffer = '';
      }
      if (performance.now() - sliceStart >= sliceMs) {
        // A resolved await is only a microtask; a macrotask lets timers and sockets run.
        await nextMacrotask();
        sliceStart = performance.now();
      }
    }
  }
  buffer += trailer(format);
  if (buffer !== '') yield buffer;
}
