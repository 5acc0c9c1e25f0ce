export * from './tenants';
export * from './territory';
export * from './directory';
export * from './auth';
export * from './audit';
export * from './meta';
export * from './cases';
