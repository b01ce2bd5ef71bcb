export * from './types';
export * from './request';
export * from './import';
export * from './export';
export * from './environment';
export * from './shape';
