export { ServiceGraphPanel } from './ServiceGraphPanel';
