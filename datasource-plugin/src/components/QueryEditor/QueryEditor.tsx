import React, { useEffect, useMemo, useState } from 'react';
import { type QueryEditorProps, type SelectableValue } from '@grafana/data';
import { getTemplateSrv } from '@grafana/runtime';
import { InlineField, InlineFieldRow, Input, MultiSelect, RadioButtonGroup, Select } from '@grafana/ui';
import type { DataSource } from '../../datasource';
import { migrateQuery } from '../../migrate';
import { testIds } from '../../selectors';
import { type AlphaPulseOptions } from '../../types/config.types';
import {
  type AlphaPulseQuery,
  type PnlMode,
  QUERY_TYPES,
  QUERY_TYPE_INFO,
  type QueryType,
  SEARCH_KIND_OF,
  type SelectionKey,
} from '../../types/query.types';

type Props = QueryEditorProps<DataSource, AlphaPulseQuery, AlphaPulseOptions>;

const TYPE_OPTIONS: Array<SelectableValue<QueryType>> = QUERY_TYPES.map((type) => ({
  value: type,
  label: `${QUERY_TYPE_INFO[type].group}: ${QUERY_TYPE_INFO[type].label}`,
  description: QUERY_TYPE_INFO[type].description,
}));

const SELECTION_LABELS: Record<SelectionKey, string> = {
  symbols: 'Symbols',
  strategies: 'Strategies',
  sources: 'Sources',
  patternTypes: 'Patterns',
};

const PNL_OPTIONS: Array<SelectableValue<PnlMode>> = [
  { label: 'Cumulative', value: 'cumulative' },
  { label: 'Per bucket', value: 'perBucket' },
];

/** Dashboard variables offered beside the values, so "$symbol" can be picked like a value. */
function variableOptions(): Array<SelectableValue<string>> {
  return getTemplateSrv()
    .getVariables()
    .map((variable) => ({ label: `$${variable.name}`, value: `$${variable.name}`, description: 'Dashboard variable' }));
}

function useSearchOptions(datasource: DataSource, key: SelectionKey | 'timeframes', enabled: boolean) {
  const kind = key === 'timeframes' ? 'timeframes' : SEARCH_KIND_OF[key];
  const [loaded, setLoaded] = useState<{ kind: string; options: Array<SelectableValue<string>> } | null>(null);
  useEffect(() => {
    if (!enabled) {
      return;
    }
    let current = true;
    datasource
      .search(kind)
      .then((values) => current && setLoaded({ kind, options: values.map((value) => ({ label: value, value })) }))
      // A failed lookup leaves the picker usable: values and variables can still be typed.
      .catch(() => current && setLoaded({ kind, options: [] }));
    return () => {
      current = false;
    };
  }, [datasource, kind, enabled]);
  const ready = loaded?.kind === kind;
  return { options: ready ? loaded.options : [], loading: enabled && !ready };
}

function SelectionPicker(props: { datasource: DataSource; selection: SelectionKey; query: AlphaPulseQuery; onChange: (values: string[]) => void; required: boolean }) {
  const { options, loading } = useSearchOptions(props.datasource, props.selection, true);
  const selected = props.query[props.selection] ?? [];
  const all = useMemo(() => [...variableOptions(), ...options], [options]);
  return (
    <InlineField
      label={SELECTION_LABELS[props.selection]}
      labelWidth={12}
      invalid={props.required && selected.length === 0}
      error={`Choose at least one ${SELECTION_LABELS[props.selection].toLowerCase().replace(/s$/, '')}`}
      tooltip={props.required ? undefined : 'Empty means all'}
    >
      <MultiSelect
        data-testid={testIds.queryEditor.selection(props.selection)}
        inputId={`alphapulse-${props.selection}`}
        aria-label={SELECTION_LABELS[props.selection]}
        options={all}
        value={selected}
        isLoading={loading}
        allowCustomValue
        placeholder={props.required ? 'Choose…' : 'All'}
        width={40}
        onChange={(values: Array<SelectableValue<string>>) => props.onChange(values.map((value) => value.value!).filter(Boolean))}
      />
    </InlineField>
  );
}

export function QueryEditor({ query: savedQuery, onChange, onRunQuery, datasource }: Props) {
  const query = useMemo(() => migrateQuery(savedQuery), [savedQuery]);
  const info = QUERY_TYPE_INFO[query.queryType];
  const timeframes = useSearchOptions(datasource, 'timeframes', !!info.timeframe);

  const update = (patch: Partial<AlphaPulseQuery>) => {
    onChange({ ...query, ...patch });
    onRunQuery();
  };

  return (
    <>
      <InlineFieldRow>
        <InlineField label="Query type" labelWidth={12}>
          <Select
            inputId="alphapulse-query-type"
            data-testid={testIds.queryEditor.queryType}
            aria-label="Query type"
            options={TYPE_OPTIONS}
            value={query.queryType}
            width={40}
            onChange={(option) => update({ queryType: option.value! })}
          />
        </InlineField>
        {info.timeframe && (
          <InlineField label="Timeframe" labelWidth={12}>
            <Select
              inputId="alphapulse-timeframe"
              data-testid={testIds.queryEditor.timeframe}
              options={timeframes.options.length > 0 ? timeframes.options : [{ label: '1m', value: '1m' }]}
              value={query.timeframe ?? '1m'}
              allowCustomValue
              width={12}
              onChange={(option) => update({ timeframe: option.value })}
            />
          </InlineField>
        )}
      </InlineFieldRow>
      <InlineFieldRow>
        {info.selections.map((selection) => (
          <SelectionPicker
            key={selection}
            datasource={datasource}
            selection={selection}
            query={query}
            required={info.required.includes(selection)}
            onChange={(values) => update({ [selection]: values })}
          />
        ))}
      </InlineFieldRow>
      {(info.minConfidence || info.pnlMode) && (
        <InlineFieldRow>
          {info.minConfidence && (
            <InlineField label="Min confidence" labelWidth={16} tooltip="Only detections at or above this confidence (0–1)">
              <Input
                data-testid={testIds.queryEditor.minConfidence}
                aria-label="Min confidence"
                type="number"
                min={0}
                max={1}
                step={0.05}
                width={10}
                defaultValue={query.minConfidence ?? 0}
                onBlur={(event) => {
                  const value = Math.min(1, Math.max(0, Number(event.currentTarget.value) || 0));
                  update({ minConfidence: value });
                }}
              />
            </InlineField>
          )}
          {info.pnlMode && (
            <InlineField label="P&L" labelWidth={8}>
              <div data-testid={testIds.queryEditor.pnlMode}>
                <RadioButtonGroup options={PNL_OPTIONS} value={query.pnlMode ?? 'cumulative'} onChange={(pnlMode) => update({ pnlMode })} />
              </div>
            </InlineField>
          )}
        </InlineFieldRow>
      )}
    </>
  );
}
