// Data frames in the JSON shape Grafana's frontend turns into DataFrames (toDataFrame on a DataFrameDTO):
// named, typed fields with values column-wise, units and display names in config, series labels.
export type FieldKind = 'time' | 'number' | 'string' | 'boolean' | 'other';

export interface FieldDTO {
  name: string;
  type: FieldKind;
  values: unknown[];
  labels?: Record<string, string>;
  config?: { unit?: string; displayNameFromDS?: string; decimals?: number; min?: number; max?: number };
}

export interface FrameNotice {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

export interface FrameDTO {
  refId: string;
  name?: string;
  fields: FieldDTO[];
  meta?: {
    preferredVisualisationType?: 'graph' | 'table' | 'logs' | 'trace' | 'nodeGraph' | 'flamegraph' | 'rawPrometheus' | 'candlestick';
    notices?: FrameNotice[];
    custom?: Record<string, unknown>;
  };
}

export type Row = Record<string, unknown>;

export interface ColumnSpec {
  column: string;
  name?: string;
  type?: FieldKind;
  unit?: string;
  decimals?: number;
  /** Display name of the field; defaults to the series name for single-value series. */
  displayName?: string;
}

/** Milliseconds since the epoch for pg's Date (timestamptz) or already-numeric values. */
export function toEpochMs(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Date.parse(value);
  return null;
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

function columnValues(rows: Row[], spec: ColumnSpec): unknown[] {
  const kind = spec.type ?? 'number';
  return rows.map((row) => {
    const value = row[spec.column];
    if (kind === 'time') return toEpochMs(value);
    if (kind === 'number') return toNumber(value);
    if (kind === 'string') return value === null || value === undefined ? null : String(value);
    return value ?? null;
  });
}

function field(rows: Row[], spec: ColumnSpec, labels?: Record<string, string>, displayName?: string): FieldDTO {
  const config: FieldDTO['config'] = {};
  if (spec.unit) config.unit = spec.unit;
  if (spec.decimals !== undefined) config.decimals = spec.decimals;
  const shownAs = spec.displayName ?? displayName;
  if (shownAs) config.displayNameFromDS = shownAs;
  return {
    name: spec.name ?? spec.column,
    type: spec.type ?? 'number',
    values: columnValues(rows, spec),
    ...(labels && Object.keys(labels).length > 0 ? { labels } : {}),
    ...(Object.keys(config).length > 0 ? { config } : {}),
  };
}

/**
 * One frame per distinct combination of `seriesBy` columns (rows must arrive ordered by series, then time):
 * a multi-value selection becomes one series per value. Single-value series are displayed by series name.
 */
type SeriesOptions = { seriesBy: string[]; values: ColumnSpec[]; timeColumn?: string; visualisation?: 'graph' | 'candlestick' };

/** Rows grouped by their `seriesBy` values, in order of first appearance. */
function groupSeries(rows: Row[], seriesBy: string[]): { labels: Record<string, string>; rows: Row[] }[] {
  const groups = new Map<string, { labels: Record<string, string>; rows: Row[] }>();
  for (const row of rows) {
    // The key only needs to tell series apart: values joined by a separator that no label value can hold unescaped.
    let key = '';
    for (const column of seriesBy) key += `${row[column] === null || row[column] === undefined ? '\u0000' : JSON.stringify(String(row[column]))}\u0001`;
    let group = groups.get(key);
    if (!group) {
      const labels: Record<string, string> = {};
      for (const column of seriesBy) if (row[column] !== null && row[column] !== undefined) labels[column] = String(row[column]);
      groups.set(key, (group = { labels, rows: [] }));
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}

function seriesFrame(refId: string, labels: Record<string, string>, seriesRows: Row[], options: SeriesOptions): FrameDTO {
  const timeColumn = options.timeColumn ?? 'time';
  const seriesName = Object.values(labels).join(' ') || undefined;
  const single = options.values.length === 1;
  return {
    refId,
    ...(seriesName ? { name: seriesName } : {}),
    fields: [
      field(seriesRows, { column: timeColumn, name: 'time', type: 'time' }),
      ...options.values.map((spec) => field(seriesRows, spec, labels, single ? seriesName : undefined)),
    ],
    ...(options.visualisation ? { meta: { preferredVisualisationType: options.visualisation } } : {}),
  };
}

/**
 * One frame per distinct combination of `seriesBy` columns (rows must arrive ordered by series, then time):
 * a multi-value selection becomes one series per value. Single-value series are displayed by series name.
 */
export function timeSeriesFrames(refId: string, rows: Row[], options: SeriesOptions): FrameDTO[] {
  return groupSeries(rows, options.seriesBy).map(({ labels, rows: seriesRows }) => seriesFrame(refId, labels, seriesRows, options));
}

/** timeSeriesFrames for large results: one series per turn of the event loop (a 77k-row answer took ~55 ms in one). */
export async function timeSeriesFramesInTurns(refId: string, rows: Row[], options: SeriesOptions): Promise<FrameDTO[]> {
  const frames: FrameDTO[] = [];
  for (const { labels, rows: seriesRows } of groupSeries(rows, options.seriesBy)) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    frames.push(seriesFrame(refId, labels, seriesRows, options));
  }
  return frames;
}

/** A table frame; rows beyond `maxRows` were fetched only to detect truncation and are dropped with a notice. */
export function tableFrame(refId: string, rows: Row[], columns: ColumnSpec[], maxRows: number, name?: string): FrameDTO {
  const kept = rows.slice(0, maxRows);
  const frame: FrameDTO = {
    refId,
    ...(name ? { name } : {}),
    fields: columns.map((spec) => field(kept, spec)),
    meta: { preferredVisualisationType: 'table' },
  };
  if (rows.length > maxRows) frame.meta!.notices = [truncationNotice(maxRows)];
  return frame;
}

export function truncationNotice(maxRows: number): FrameNotice {
  return { severity: 'warning', text: `Only the newest ${maxRows} rows are shown; narrow the time range or the selection.` };
}

/** Fills absent buckets with `fill` so counts show zeros instead of gaps; rows must be one series, time-ordered. */
export function fillBuckets(rows: Row[], fromMs: number, toMs: number, bucketMs: number, fill: Row): Row[] {
  const byTime = new Map<number, Row>();
  for (const row of rows) byTime.set(toEpochMs(row.time)!, row);
  const filled: Row[] = [];
  for (let time = fromMs; time < toMs; time += bucketMs) filled.push(byTime.get(time) ?? { ...fill, time });
  return filled;
}
