import React from 'react';
import { useStyles2 } from '@grafana/ui';
import { TEST_IDS } from '../../constants/testIds';
import type { ServiceNode } from '../../graph/types';
import { getNodeTooltipStyles } from './NodeTooltip.styles';

interface NodeTooltipProps {
  node: ServiceNode;
  color: string;
  dependencyCount: number;
  dependentCount: number;
  inCycle: boolean;
  left: number;
  top: number;
}

/** Everything known about a node: health, stats and every detail field of the input. */
export function NodeTooltip({ node, color, dependencyCount, dependentCount, inCycle, left, top }: NodeTooltipProps) {
  const styles = useStyles2(getNodeTooltipStyles);
  const rows: Array<[string, string]> = [
    ['Health', node.isExternal && node.health === 'unknown' ? 'external (no health data)' : node.health],
    ...(node.mainStat ? [['Main stat', node.mainStat] as [string, string]] : []),
    ...(node.secondaryStat ? [['Secondary stat', node.secondaryStat] as [string, string]] : []),
    ...(node.group ? [['Group', node.group] as [string, string]] : []),
    ['Depends on', String(dependencyCount)],
    ['Dependents', String(dependentCount)],
    ...node.details.map((detail) => [detail.name, detail.value] as [string, string]),
  ];
  return (
    <div className={styles.tooltip} style={{ left, top }} data-testid={TEST_IDS.tooltip} role="tooltip">
      <div className={styles.title}>
        <span className={styles.swatch} style={{ background: color }} />
        {node.title}
      </div>
      {node.subtitle && <div className={styles.subtitle}>{node.subtitle}</div>}
      <table className={styles.table}>
        <tbody>
          {rows.map(([name, value], i) => (
            <tr key={`${name}-${i}`}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {inCycle && <div className={styles.warning}>Part of a dependency cycle</div>}
    </div>
  );
}
