import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

export const getCanvasGraphStyles = (theme: GrafanaTheme2) => ({
  canvas: css({
    display: 'block',
    cursor: 'grab',
    '&:active': { cursor: 'grabbing' },
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: -2 },
  }),
});
