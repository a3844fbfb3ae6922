export { GraphToolbar } from './GraphToolbar';
