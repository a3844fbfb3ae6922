// Pan/zoom maths for both renderers: screen = world * k + (x, y).

export interface ViewTransform {
  x: number;
  y: number;
  k: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Fits the bounds into the viewport with a margin, never zooming in past 1:1 so small graphs stay crisp. */
export function fitTransform(bounds: Bounds, width: number, height: number, margin = 24): ViewTransform {
  const contentWidth = Math.max(1, bounds.maxX - bounds.minX);
  const contentHeight = Math.max(1, bounds.maxY - bounds.minY);
  const k = clampZoom(Math.min(1, (width - 2 * margin) / contentWidth, (height - 2 * margin) / contentHeight));
  return {
    k,
    x: (width - contentWidth * k) / 2 - bounds.minX * k,
    y: (height - contentHeight * k) / 2 - bounds.minY * k,
  };
}

export const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(k) && k > 0 ? k : 1));

/** Zooms by `factor` keeping the screen point (sx, sy) fixed under the pointer. */
export function zoomAt(view: ViewTransform, factor: number, sx: number, sy: number): ViewTransform {
  const k = clampZoom(view.k * factor);
  const applied = k / view.k;
  return { k, x: sx - (sx - view.x) * applied, y: sy - (sy - view.y) * applied };
}

export const panBy = (view: ViewTransform, dx: number, dy: number): ViewTransform => ({
  ...view,
  x: view.x + dx,
  y: view.y + dy,
});

export const toWorld = (view: ViewTransform, sx: number, sy: number): [number, number] => [
  (sx - view.x) / view.k,
  (sy - view.y) / view.k,
];

/** Moves the view so that world point (wx, wy) is at the centre of the viewport. */
export const centreOn = (
  view: ViewTransform,
  wx: number,
  wy: number,
  width: number,
  height: number
): ViewTransform => ({
  k: view.k,
  x: width / 2 - wx * view.k,
  y: height / 2 - wy * view.k,
});
