import React from 'react';
import { Button, useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import type { BlastRadius } from '../../graph/blastRadius';
import type { RootCause } from '../../graph/rootCause';
import type { ServiceNode } from '../../graph/types';
import { getSelectionSummaryStyles } from './SelectionSummary.styles';

interface SelectionSummaryProps {
  node: ServiceNode;
  blast: BlastRadius;
  cause: RootCause;
  nameOf: (node: number) => string;
  focused: boolean;
  link?: { title: string; href: string };
  onToggleFocus: () => void;
  onClear: () => void;
}

/** The answers to "what does this take down?" and "what is the root cause upstream?" for the selection. */
export function SelectionSummary({
  node,
  blast,
  cause,
  nameOf,
  focused,
  link,
  onToggleFocus,
  onClear,
}: SelectionSummaryProps) {
  const styles = useStyles2(getSelectionSummaryStyles);
  const affectedDown = (blast.countsByHealth.down ?? 0) + (blast.countsByHealth.degraded ?? 0);
  return (
    <div className={styles.summary} data-testid={TEST_IDS.summary} aria-live="polite">
      <strong>{node.title}</strong>
      <span data-testid={TEST_IDS.blastCount} data-count={blast.affected.length}>
        Blast radius: {blast.affected.length} dependent{blast.affected.length === 1 ? '' : 's'}
        {blast.countsByDepth.length > 0 &&
          ` (${blast.countsByDepth.map((count, depth) => `${count} at ${depth + 1} hop${depth ? 's' : ''}`).join(', ')})`}
        {affectedDown > 0 && `, ${affectedDown} already unhealthy`}
      </span>
      <span data-testid={TEST_IDS.rootCauseList} data-count={cause.causes.length}>
        {node.health === 'healthy' || node.health === 'unknown'
          ? 'Root cause: n/a (not unhealthy)'
          : cause.causes.length === 0
            ? 'Root cause: itself (no unhealthy dependency)'
            : `Root cause: ${cause.causes.map(nameOf).join(', ')}${
                cause.chain.length > cause.causes.length
                  ? ` via ${cause.chain
                      .filter((v) => !cause.causes.includes(v))
                      .map(nameOf)
                      .join(', ')}`
                  : ''
              }`}
      </span>
      <span className={styles.actions}>
        {link && (
          <a className={styles.link} href={link.href} data-testid={TEST_IDS.dataLink}>
            {link.title}
          </a>
        )}
        <Button
          size="sm"
          variant="secondary"
          icon={focused ? 'compress-arrows' : 'crosshair'}
          onClick={onToggleFocus}
          data-testid={TEST_IDS.focusButton}
        >
          {focused ? 'Show all' : 'Focus'}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          fill="text"
          icon="times"
          onClick={onClear}
          data-testid={TEST_IDS.clearButton}
          aria-label="Clear selection"
        />
      </span>
    </div>
  );
}
