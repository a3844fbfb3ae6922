import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getInputNoticeStyles = (theme: GrafanaTheme2) => ({
  notice: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    fontSize: theme.typography.bodySmall.fontSize,
    padding: theme.spacing(0.25, 0),
  }),
  cycle: css({ color: theme.colors.warning.text }),
  toggle: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.warning.text,
    cursor: 'pointer',
    font: 'inherit',
  }),
  list: css({
    width: '100%',
    margin: 0,
    paddingLeft: theme.spacing(2),
    maxHeight: 120,
    overflowY: 'auto',
    color: theme.colors.text.secondary,
  }),
});
