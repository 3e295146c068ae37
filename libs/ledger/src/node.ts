// The Node-only entry of @pedigree/ledger: everything that imports node:crypto lives behind this
// file, so the browser bundle (which imports index.ts) never sees it.
export { createNodeCryptoBackend, nodeCryptoBackend } from './node-crypto-backend';
export type { NodeCryptoBackendOptions } from './node-crypto-backend';
