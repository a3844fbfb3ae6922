export * from './constants';
export * from './common';
export * from './health';
export * from './stats';
export * from './validate';
export * from './examples';
export * from './time';
export * from './lenient';
