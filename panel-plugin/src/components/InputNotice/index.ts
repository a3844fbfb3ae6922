export { InputNotice } from './InputNotice';
