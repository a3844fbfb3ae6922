// Template variable interpolation, pure: Grafana's replace() is passed in, so tests need no Grafana.
import { type ScopedVars } from '@grafana/data';
import { type AlphaPulseQuery, type SelectionKey } from './types/query.types';

/** The part of Grafana's TemplateSrv this module uses. */
export type ReplaceFn = (target: string, scopedVars?: ScopedVars, format?: string | Function) => string;

// A separator no symbol or strategy name contains, so a multi-value variable can be split back into values.
const SEPARATOR = '\u001f';

function joinValues(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(SEPARATOR) : String(value);
}

/** Expands each entry; "$symbol" with several selected values (or All) becomes several entries. Deduplicated. */
export function interpolateList(values: readonly string[] | undefined, replace: ReplaceFn, scopedVars?: ScopedVars): string[] {
  const expanded = (values ?? []).flatMap((value) => replace(value, scopedVars, joinValues).split(SEPARATOR));
  return [...new Set(expanded.map((value) => value.trim()).filter((value) => value.length > 0))];
}

const SELECTIONS: SelectionKey[] = ['symbols', 'strategies', 'sources', 'patternTypes'];

export function interpolateQuery(query: AlphaPulseQuery, replace: ReplaceFn, scopedVars?: ScopedVars): AlphaPulseQuery {
  const interpolated: AlphaPulseQuery = { ...query };
  for (const key of SELECTIONS) {
    if (query[key] !== undefined) {
      interpolated[key] = interpolateList(query[key], replace, scopedVars);
    }
  }
  if (query.timeframe) {
    interpolated.timeframe = replace(query.timeframe, scopedVars);
  }
  return interpolated;
}

/** Whether any selection refers to a variable: Grafana asks this to show the variable usage. */
export function usesVariables(query: AlphaPulseQuery): boolean {
  return SELECTIONS.some((key) => (query[key] ?? []).some((value) => value.includes('$'))) || (query.timeframe ?? '').includes('$');
}
