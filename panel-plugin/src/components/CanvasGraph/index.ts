export { CanvasGraph } from './CanvasGraph';
