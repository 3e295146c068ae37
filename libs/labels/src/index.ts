// Public surface of @pedigree/labels: the symbols on a pack's label (GS1 DataMatrix, QR code of
// the Digital Link) as SVG or PNG, and a print-ready HTML sheet of labels. Pure: no I/O, no clock.

export { labelSheet, type SheetLabel, type SheetOptions } from './label-sheet';
export { MEDIA_TYPES, dataMatrix, qrCode, type SymbolFormat } from './symbols';
