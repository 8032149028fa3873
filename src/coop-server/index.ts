/** The Co-op-compatible server: build it (tests, embedding) or start it (CLI, `npm start`). */
export { buildCoopServer, type CoopServerOptions } from './build-coop-server.js';
export { type CoopDb, openCoopDb } from './coop-db.js';
export { HARVEST_PROJECTS } from './harvest-catalog.js';
export { DEMO_FEED_KEY, DEMO_GOURMET_FEED_KEY, DEMO_PASSWORD, seedDemo } from './seed-demo.js';
export { type RunningCoopServer, type StartCoopServerOptions, startCoopServer } from './start-coop-server.js';
