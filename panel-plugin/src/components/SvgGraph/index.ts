export { SvgGraph } from './SvgGraph';
