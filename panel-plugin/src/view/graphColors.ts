import type { GrafanaTheme2 } from '@grafana/data';
import type { Health, ServiceNode } from '../graph/types';
import type { ServiceGraphOptions } from '../types';
import type { ErrorLevel } from './edgeStyle';
import { Role, type HighlightRole } from './highlight';

export interface GraphColors {
  health: Record<Health, string>;
  external: string;
  edge: Record<ErrorLevel, string>;
  cycle: string;
  affected: string;
  cause: string;
  selected: string;
  match: string;
  text: string;
  secondaryText: string;
  nodeFill: string;
  groupFill: string;
  groupBorder: string;
}

/** Resolves option colour names (e.g. "green", "semi-dark-red", "#ff0000") through the theme. */
export function graphColors(theme: GrafanaTheme2, options: ServiceGraphOptions): GraphColors {
  const named = (name: string) => theme.visualization.getColorByName(name);
  return {
    health: {
      healthy: named(options.healthyColor),
      degraded: named(options.degradedColor),
      down: named(options.downColor),
      unknown: named(options.unknownColor),
    },
    external: named(options.externalColor),
    edge: {
      none: theme.colors.border.strong,
      ok: theme.colors.text.secondary,
      warn: named(options.degradedColor),
      critical: named(options.downColor),
    },
    cycle: named('yellow'),
    affected: named('orange'),
    cause: named('red'),
    selected: theme.colors.primary.main,
    match: theme.colors.primary.text,
    text: theme.colors.text.primary,
    secondaryText: theme.colors.text.secondary,
    nodeFill: theme.colors.background.primary,
    groupFill: theme.colors.background.secondary,
    groupBorder: theme.colors.border.weak,
  };
}

export function nodeColor(node: ServiceNode, colors: GraphColors): string {
  if (node.color) {
    return node.color;
  }
  return node.isExternal && node.health === 'unknown' ? colors.external : colors.health[node.health];
}

/** The outline a highlighted node gets, the same in SVG and on canvas; none for normal or dimmed nodes. */
export function ringColor(role: HighlightRole, colors: GraphColors): string | undefined {
  switch (role) {
    case Role.Selected:
      return colors.selected;
    case Role.Affected:
      return colors.affected;
    case Role.Cause:
    case Role.CauseChain:
      return colors.cause;
    case Role.Match:
      return colors.match;
    default:
      return undefined;
  }
}
