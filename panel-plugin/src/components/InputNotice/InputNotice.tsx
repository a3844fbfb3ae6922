import React, { useState } from 'react';
import { useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import type { ParseIssue } from '../../graph/types';
import { getInputNoticeStyles } from './InputNotice.styles';

const REASON_LABELS: Record<ParseIssue['reason'], string> = {
  'missing-field': 'missing fields',
  'duplicate-node': 'duplicate nodes',
  'duplicate-edge': 'duplicate edges',
  'unknown-node': 'edges to unknown nodes',
  'invalid-value': 'invalid values',
  'empty-frame': 'empty frames',
  'unrecognised-input': 'unrecognised input',
};

/** Says what was dropped from the input, grouped by reason, with the details one click away. */
export function InputNotice({ issues, cycleCount }: { issues: ParseIssue[]; cycleCount: number }) {
  const styles = useStyles2(getInputNoticeStyles);
  const [open, setOpen] = useState(false);
  if (issues.length === 0 && cycleCount === 0) {
    return null;
  }
  const counts = new Map<string, number>();
  for (const issue of issues) {
    counts.set(issue.reason, (counts.get(issue.reason) ?? 0) + 1);
  }
  const parts = [...counts].map(([reason, count]) => `${count} ${REASON_LABELS[reason as ParseIssue['reason']]}`);
  return (
    <div className={styles.notice} data-testid={TEST_IDS.notice} role="status">
      {cycleCount > 0 && (
        <span className={styles.cycle}>
          ↻ {cycleCount} dependency cycle{cycleCount === 1 ? '' : 's'} (dashed edges)
        </span>
      )}
      {issues.length > 0 && (
        <button type="button" className={styles.toggle} onClick={() => setOpen(!open)} aria-expanded={open}>
          ⚠ Dropped from input: {parts.join(', ')}
        </button>
      )}
      {open && (
        <ul className={styles.list}>
          {issues.slice(0, 50).map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
          {issues.length > 50 && <li>… and {issues.length - 50} more</li>}
        </ul>
      )}
    </div>
  );
}
