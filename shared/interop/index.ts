export * from './tree';
export * from './errors';
export * from './detect';
export * from './secrets';
export * from './vipps';
export * from './openapi';
export * from './postman';
export * from './curl';
