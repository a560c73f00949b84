export * from './tenancy.js';
export * from './accounts.js';
export * from './participants.js';
export * from './audit.js';
export * from './journey.js';
export * from './assessments.js';
export * from './workspace.js';
