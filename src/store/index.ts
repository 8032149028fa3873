export { KEY_FILE_NAME, type OpenStoreOptions, openStore } from './open-store.js';
export type * from './store.js';
export { isStoreError, StoreError, type StoreErrorCode } from './store-error.js';
