export * from './request';
export * from './collection';
export * from './run';
export * from './convert';
