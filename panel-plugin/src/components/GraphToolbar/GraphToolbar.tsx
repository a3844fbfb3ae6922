import React from 'react';
import { Button, Input, Switch, useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import { getGraphToolbarStyles } from './GraphToolbar.styles';

interface GraphToolbarProps {
  showSearch: boolean;
  search: string;
  matchCount: number;
  hideHealthy: boolean;
  stats: string;
  onSearchChange: (value: string) => void;
  /** Enter in the search box selects the first match. */
  onSearchSubmit: () => void;
  onHideHealthyChange: (value: boolean) => void;
  onFit: () => void;
}

export function GraphToolbar(props: GraphToolbarProps) {
  const styles = useStyles2(getGraphToolbarStyles);
  return (
    <div className={styles.toolbar}>
      {props.showSearch && (
        <Input
          className={styles.search}
          placeholder="Search services"
          aria-label="Search services"
          prefix={<span aria-hidden>⌕</span>}
          value={props.search}
          width={26}
          data-testid={TEST_IDS.search}
          onChange={(event) => props.onSearchChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              props.onSearchSubmit();
            }
          }}
          suffix={props.search ? <span className={styles.matches}>{props.matchCount} found</span> : undefined}
        />
      )}
      <label className={styles.switch}>
        <Switch
          value={props.hideHealthy}
          data-testid={TEST_IDS.hideHealthy}
          aria-label="Hide healthy"
          onChange={(event) => props.onHideHealthyChange(event.currentTarget.checked)}
        />
        Hide healthy
      </label>
      <Button
        size="sm"
        variant="secondary"
        fill="text"
        icon="expand-arrows"
        onClick={props.onFit}
        data-testid={TEST_IDS.fit}
        tooltip="Fit graph to panel"
      >
        Fit
      </Button>
      <span className={styles.stats}>{props.stats}</span>
    </div>
  );
}
