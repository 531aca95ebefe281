/**
 * The storage contract the repositories use (`Store`) and how to open a store. The file store
 * (a document and its journal, `KLIKBOT_DB`) is the default.
 */
export { ChangeUnconfirmed, SerialStore, type Durability, type Mutator, type Store } from './serial-store.js';
export { openStore, type FileStore } from './file-store.js';
