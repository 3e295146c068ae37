export { buildBlock, emptyHead, headOf, type BuiltBlock, type ChainHead } from './block-builder';
export { BlockSealer } from './block-sealer.service';
export { SealerClock } from './sealer-clock';
export { SEALER_KEY_FILE, SealerKeySource } from './sealer-key';
export { SealerLeadership } from './sealer-leadership.service';
export { SealerModule } from './sealer.module';
export { SEALER_OPTIONS, type SealerOptions } from './sealer.options';
