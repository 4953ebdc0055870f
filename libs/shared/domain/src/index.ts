export * from './api-version';
export * from './error-codes';
export * from './regions';
export * from './text';
export * from './permissions';
export * from './roles';
export * from './directory';
export * from './responsibilities';
