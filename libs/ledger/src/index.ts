// Public entry of @pedigree/ledger, safe for the browser: re-exports only. The node:crypto backend
// is in './node' (import '@pedigree/ledger/node' or libs/ledger/src/node.ts) so bundles omit it.
export { LedgerError } from './ledger-error';
export type { LedgerErrorCode } from './ledger-error';
export type { CryptoBackend } from './crypto-backend';
export { createNobleBackend, nobleBackend } from './noble-backend';
export { bytesEqual, concatBytes, fromBase64, fromHex, toBase64, toHex } from './bytes';
export { canonicalJson, type JsonValue } from './canonical-json';
export {
  auditChain,
  type AuditOutcome,
  type ChainSource,
  type SourceBlock,
  type SourceLeaf,
} from './audit-chain';
export { ChainAudit, type AuditedBlock, type AuditFinding } from './chain-audit';
export { ledgerApiPages, type LedgerBlockJson, type LedgerGet } from './ledger-api-pages';
export {
  createLeafHasher,
  createNodeHasher,
  emptyRoot,
  HASH_SIZE,
  leafHash,
  nodeHash,
} from './merkle-hash';
export type { LeafHasher, NodeHasher } from './merkle-hash';
export { CompactRange, frontierNodeIds } from './compact-range';
export type { NodeVisitor } from './compact-range';
export { InMemoryMerkleStore } from './merkle-store';
export type { MerkleStore, NodeId } from './merkle-store';
export {
  consistencyProof,
  consistencyProofNodeIds,
  inclusionProof,
  inclusionProofNodeIds,
  rootAt,
  rootNodeIds,
} from './merkle-tree';
export { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './merkle-proof';
export {
  BLOCK_HEADER_SIZE,
  blockHash,
  blockSigningMessage,
  decodeBlockHeader,
  encodeBlockHeader,
  GENESIS_PREVIOUS_HASH,
  signBlockHeader,
  verifyBlockHeader,
} from './block-header';
export type { BlockHeader } from './block-header';
export { assertStrictPublicKey, isStrictPublicKey } from './ed25519-key';
export {
  formatSignerKey,
  formatVerifierKey,
  generateNoteKey,
  isValidKeyName,
  NOTE_KEY_COSIGNATURE_V1,
  NOTE_KEY_ED25519,
  noteKeyId,
  noteSignerKey,
  parseSignerKey,
  parseVerifierKey,
} from './note-key';
export type { NoteKeyType, NoteSignerKey, NoteVerifierKey } from './note-key';
export {
  assertNoteText,
  formatNote,
  MAX_NOTE_SIGNATURES,
  noteSignature,
  openNote,
  parseNote,
  signNote,
} from './signed-note';
export type { Note, NoteSignature, OpenedNote, VerifiedNoteSignature } from './signed-note';
export { formatCheckpoint, parseCheckpoint } from './checkpoint';
export type { Checkpoint } from './checkpoint';
export {
  COSIGNATURE_V1_SIZE,
  cosignatureLine,
  cosignatureMessage,
  parseCosignature,
  readCosignatureTime,
} from './cosignature';
