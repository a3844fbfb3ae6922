export { NodeTooltip } from './NodeTooltip';
