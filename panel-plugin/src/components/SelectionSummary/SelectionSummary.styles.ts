import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getSelectionSummaryStyles = (theme: GrafanaTheme2) => ({
  summary: css({
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
    padding: theme.spacing(0.5, 1),
    fontSize: theme.typography.bodySmall.fontSize,
    borderTop: `1px solid ${theme.colors.border.weak}`,
  }),
  actions: css({ marginLeft: 'auto', display: 'flex', gap: theme.spacing(1), alignItems: 'center' }),
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
});
