import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { fitTransform, panBy, zoomAt, type Bounds, type ViewTransform } from '../../view/viewport';

/** Pixels a pointer may move between down and up and still count as a click. */
export const CLICK_TOLERANCE = 4;

/**
 * Wheel zoom and drag pan on a container. Wheel needs a non-passive native listener to stop the page
 * from scrolling; updates are coalesced to one per animation frame.
 */
export function usePanZoom(containerRef: RefObject<HTMLDivElement | null>, width: number, height: number) {
  const [view, setViewState] = useState<ViewTransform>({ x: 0, y: 0, k: 1 });
  const viewRef = useRef(view);
  const frame = useRef<number | null>(null);
  const drag = useRef<{ x: number; y: number; moved: number } | null>(null);

  const setView = useCallback((next: ViewTransform) => {
    viewRef.current = next;
    if (frame.current === null) {
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        setViewState(viewRef.current);
      });
    }
  }, []);

  useEffect(
    () => () => {
      if (frame.current !== null) {
        cancelAnimationFrame(frame.current);
      }
    },
    []
  );

  useEffect(() => {
    const element = containerRef.current;
    if (!element) {
      return;
    }
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015));
      setView(zoomAt(viewRef.current, factor, event.clientX - rect.left, event.clientY - rect.top));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [containerRef, setView]);

  const onPointerDown = useCallback((event: React.PointerEvent) => {
    if (event.button !== 0) {
      return;
    }
    drag.current = { x: event.clientX, y: event.clientY, moved: 0 };
  }, []);

  const onPointerMove = useCallback(
    (event: React.PointerEvent) => {
      const current = drag.current;
      if (!current) {
        return;
      }
      const dx = event.clientX - current.x;
      const dy = event.clientY - current.y;
      current.moved += Math.abs(dx) + Math.abs(dy);
      current.x = event.clientX;
      current.y = event.clientY;
      if (current.moved > CLICK_TOLERANCE) {
        try {
          (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
        } catch {
          // Synthetic or already released pointers cannot be captured; panning still works without it.
        }
        setView(panBy(viewRef.current, dx, dy));
      }
    },
    [setView]
  );

  /** Returns true when the gesture was a drag, so the caller can ignore the click that follows. */
  const onPointerUp = useCallback(() => {
    const wasDrag = (drag.current?.moved ?? 0) > CLICK_TOLERANCE;
    drag.current = null;
    return wasDrag;
  }, []);

  const fit = useCallback((bounds: Bounds) => setView(fitTransform(bounds, width, height)), [setView, width, height]);

  const isDragging = useCallback(() => (drag.current?.moved ?? 0) > CLICK_TOLERANCE, []);
  /** The latest view, including updates not yet rendered (for event handlers). */
  const getView = useCallback(() => viewRef.current, []);

  return { view, getView, setView, fit, onPointerDown, onPointerMove, onPointerUp, isDragging };
}
