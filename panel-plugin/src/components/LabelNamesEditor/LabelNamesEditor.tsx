import React from 'react';
import type { StandardEditorProps } from '@grafana/data';
import { Input, useStyles2 } from '@grafana/ui';
import { css } from '@emotion/css';
import { TEST_IDS } from '../../constants/testIds';
import type { LabelNames } from '../../types';

const FIELDS: Array<{ key: keyof LabelNames; label: string; help: string }> = [
  { key: 'service', label: 'Service', help: 'label naming the service (both ends of a dependency, and health series)' },
  { key: 'dependency', label: 'Dependency', help: 'label naming what the service depends on' },
  { key: 'status', label: 'Status', help: 'label holding healthy / degraded / down' },
  { key: 'instance', label: 'Instance', help: 'label telling instances of one service apart' },
];

/** Edits the four Prometheus label names as one option value. */
export function LabelNamesEditor({ value, onChange }: StandardEditorProps<LabelNames>) {
  const styles = useStyles2(() => ({
    grid: css({ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: 6, alignItems: 'center' }),
  }));
  return (
    <div className={styles.grid} data-testid={TEST_IDS.labelEditor}>
      {FIELDS.map(({ key, label, help }) => (
        <React.Fragment key={key}>
          <label htmlFor={`servicegraph-label-${key}`} title={help}>
            {label}
          </label>
          <Input
            id={`servicegraph-label-${key}`}
            value={value?.[key] ?? ''}
            placeholder={key}
            onChange={(event) => onChange({ ...value, [key]: event.currentTarget.value.trim() || key })}
          />
        </React.Fragment>
      ))}
    </div>
  );
}
