import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getGraphToolbarStyles = (theme: GrafanaTheme2) => ({
  toolbar: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
    flexWrap: 'wrap',
  }),
  search: css({ maxWidth: 260 }),
  switch: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    color: theme.colors.text.primary,
    fontSize: theme.typography.bodySmall.fontSize,
    cursor: 'pointer',
  }),
  matches: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  stats: css({ marginLeft: 'auto', color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
