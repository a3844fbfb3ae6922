import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getNodeTooltipStyles = (theme: GrafanaTheme2) => ({
  tooltip: css({
    position: 'absolute',
    zIndex: 2,
    pointerEvents: 'none',
    maxWidth: 320,
    padding: theme.spacing(1),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z3,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  title: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    fontWeight: theme.typography.fontWeightMedium,
  }),
  subtitle: css({ color: theme.colors.text.secondary }),
  swatch: css({ width: 10, height: 10, borderRadius: '50%', display: 'inline-block' }),
  table: css({
    marginTop: theme.spacing(0.5),
    th: { fontWeight: 'normal', color: theme.colors.text.secondary, paddingRight: theme.spacing(1), textAlign: 'left' },
  }),
  warning: css({ marginTop: theme.spacing(0.5), color: theme.colors.warning.text }),
});
