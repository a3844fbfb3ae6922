import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getServiceGraphPanelStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    width: '100%',
    height: '100%',
    overflow: 'hidden',
    color: theme.colors.text.primary,
  }),
  canvasArea: css({ position: 'relative', overflow: 'hidden', touchAction: 'none' }),
  message: css({ padding: theme.spacing(2), color: theme.colors.text.secondary, maxWidth: 640 }),
});
