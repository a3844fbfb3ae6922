export { LabelNamesEditor } from './LabelNamesEditor';
