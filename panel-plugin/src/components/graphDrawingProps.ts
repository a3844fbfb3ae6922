import type { CycleReport } from '../graph/cycles';
import type { LayoutDirection } from '../graph/layout/layeredLayout';
import type { ErrorLevel } from '../view/edgeStyle';
import type { GraphColors } from '../view/graphColors';
import type { Highlight } from '../view/highlight';
import type { ViewTransform } from '../view/viewport';
import type { PositionedGraph } from './ServiceGraphPanel/useGraphLayout';

/** What both renderers (SVG and canvas) receive: everything is precomputed, they only draw. */
export interface GraphDrawingProps {
  positioned: PositionedGraph;
  highlight: Highlight;
  cycles: CycleReport;
  colors: GraphColors;
  edgeWidths: Float32Array;
  edgeLevels: ErrorLevel[];
  direction: LayoutDirection;
  view: ViewTransform;
  width: number;
  height: number;
  showEdgeLabels: boolean;
  onSelectNode: (node: number | undefined) => void;
  /** x/y: pointer (or focused node) position relative to the drawing's top-left corner. */
  onHoverNode: (node: number | undefined, x?: number, y?: number) => void;
}
