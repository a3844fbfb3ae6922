import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getSvgGraphStyles = (theme: GrafanaTheme2) => ({
  svg: css({ display: 'block', cursor: 'grab', userSelect: 'none', '&:active': { cursor: 'grabbing' } }),
  node: css({
    cursor: 'pointer',
    outline: 'none',
    '&:focus-visible > rect:first-of-type': { stroke: theme.colors.primary.main, strokeWidth: 3 },
  }),
  title: css({ fontSize: 13, fontWeight: theme.typography.fontWeightMedium, pointerEvents: 'none' }),
  subtitle: css({ fontSize: 11, pointerEvents: 'none' }),
  cycle: css({ fontSize: 14, fontWeight: theme.typography.fontWeightBold }),
  edgeLabel: css({ fontSize: 10.5, pointerEvents: 'none', strokeLinejoin: 'round' }),
  group: css({ pointerEvents: 'none', fontSize: 11 }),
});
