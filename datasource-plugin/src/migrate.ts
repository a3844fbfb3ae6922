// Upgrades saved queries to the current model, pure. Version 0 is anything saved before schemaVersion existed:
// the scaffold's { queryText, constant }, or single-value fields (symbol, strategy, source, pattern).
import { type AlphaPulseQuery, DEFAULT_QUERY, QUERY_SCHEMA_VERSION, isQueryType } from './types/query.types';

type Saved = Record<string, unknown> & { refId: string };

function asList(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const list = Array.isArray(value) ? value : String(value).split(',');
  return list.map((item) => String(item).trim()).filter((item) => item.length > 0);
}

function fromVersion0(saved: Saved): AlphaPulseQuery {
  const { queryText: _queryText, constant: _constant, symbol, strategy, source, pattern, confidence, ...rest } = saved;
  const query: Record<string, unknown> = { ...rest };
  const merge = (key: string, single: unknown) => {
    const list = asList(query[key]) ?? asList(single);
    if (list) {
      query[key] = list;
    } else {
      delete query[key];
    }
  };
  merge('symbols', symbol);
  merge('strategies', strategy);
  merge('sources', source);
  merge('patternTypes', pattern);
  if (query.minConfidence === undefined && typeof confidence === 'number') {
    query.minConfidence = confidence;
  }
  if (!isQueryType(query.queryType)) {
    query.queryType = DEFAULT_QUERY.queryType;
  }
  return { ...(query as unknown as AlphaPulseQuery), schemaVersion: 1 };
}

const STEPS: Record<number, (saved: Saved) => AlphaPulseQuery> = { 0: fromVersion0 };

export function migrateQuery(saved: Saved | AlphaPulseQuery): AlphaPulseQuery {
  let query = saved as Saved;
  let version = typeof query.schemaVersion === 'number' ? query.schemaVersion : 0;
  while (version < QUERY_SCHEMA_VERSION) {
    query = STEPS[version](query) as unknown as Saved;
    version = query.schemaVersion as number;
  }
  return query as unknown as AlphaPulseQuery;
}
