import React from 'react';
import { type QueryEditorProps, type SelectableValue } from '@grafana/data';
import { InlineField, Input, Select, Stack } from '@grafana/ui';
import type { DataSource } from '../../datasource';
import { testIds } from '../../selectors';
import { type AlphaPulseOptions } from '../../types/config.types';
import { type AlphaPulseQuery, type AlphaPulseVariableQuery, type SearchKind } from '../../types/query.types';

const KINDS: Array<SelectableValue<SearchKind>> = [
  { label: 'Symbols', value: 'symbols' },
  { label: 'Strategies', value: 'strategies' },
  { label: 'Sentiment sources', value: 'sources' },
  { label: 'Pattern types', value: 'pattern_types' },
  { label: 'Timeframes', value: 'timeframes' },
];

type Props = QueryEditorProps<DataSource, AlphaPulseQuery, AlphaPulseOptions, AlphaPulseVariableQuery>;

export function VariableQueryEditor({ query, onChange }: Props) {
  const kind = query.kind ?? 'symbols';
  return (
    <Stack gap={1}>
      <InlineField label="Values of" labelWidth={14}>
        <Select
          inputId="alphapulse-variable-kind"
          data-testid={testIds.variableEditor.kind}
          options={KINDS}
          value={kind}
          width={24}
          onChange={(option) => onChange({ ...query, kind: option.value ?? 'symbols' })}
        />
      </InlineField>
      <InlineField label="Filter" labelWidth={10} tooltip="Only values containing this text (case-insensitive)">
        <Input
          data-testid={testIds.variableEditor.filter}
          value={query.filter ?? ''}
          width={20}
          onChange={(event) => onChange({ ...query, kind, filter: event.currentTarget.value })}
        />
      </InlineField>
    </Stack>
  );
}
