import { CustomVariableSupport, type DataQueryRequest, type DataQueryResponse, createDataFrame, FieldType } from '@grafana/data';
import { type Observable, from, map } from 'rxjs';
import { VariableQueryEditor } from './components/VariableQueryEditor/VariableQueryEditor';
import type { DataSource } from './datasource';
import { type AlphaPulseVariableQuery } from './types/query.types';

/** Template variables from the search route: symbols, strategies, sources, pattern types, timeframes. */
export class AlphaPulseVariableSupport extends CustomVariableSupport<DataSource, AlphaPulseVariableQuery> {
  editor = VariableQueryEditor;

  constructor(private readonly datasource: DataSource) {
    super();
  }

  query(request: DataQueryRequest<AlphaPulseVariableQuery>): Observable<DataQueryResponse> {
    const query: Partial<AlphaPulseVariableQuery> = request.targets[0] ?? { kind: 'symbols' };
    return from(this.datasource.metricFindQuery({ kind: query.kind ?? 'symbols', filter: query.filter })).pipe(
      map((values) => ({
        data: [createDataFrame({ fields: [{ name: 'text', type: FieldType.string, values: values.map((value) => value.text) }] })],
      }))
    );
  }
}
