export { SelectionSummary } from './SelectionSummary';
