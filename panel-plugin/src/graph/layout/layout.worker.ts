// Runs the layout off the main thread; the panel stays responsive while thousands of nodes are placed.
import { computeGraphLayout, type GraphLayout, type LayoutRequest } from './layoutEngine';

interface LayoutMessage {
  id: number;
  request: LayoutRequest;
}

self.onmessage = (event: MessageEvent<LayoutMessage>) => {
  const { id, request } = event.data;
  try {
    const layout: GraphLayout = { ...computeGraphLayout(request), thread: 'worker' };
    const transfer = [layout.x.buffer, layout.y.buffer, layout.reversed.buffer, ...layout.bends.map((b) => b.buffer)];
    (self as unknown as Worker).postMessage({ id, layout }, transfer as Transferable[]);
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) });
  }
};
