export * from './tenancy.js';
export * from './accounts.js';
export * from './participants.js';
export * from './audit.js';
