export * from './parse';
export * from './export';
export * from './defects';
export * from './shell-variables';
export * from './command';
