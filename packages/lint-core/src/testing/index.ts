export * from './fixtures.js';
export * from './runner.js';
