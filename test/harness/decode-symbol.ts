/**
 * Reads a label's symbols back from their PNG, as a scanner would: the QR code with jsQR, the
 * Data Matrix with ZXing. A test of a symbol asserts what it decodes to, not how it is drawn.
 */
import {
  BinaryBitmap,
  DataMatrixReader,
  DecodeHintType,
  HybridBinarizer,
  RGBLuminanceSource,
} from '@zxing/library';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG. */
export function decodeQr(png: Uint8Array): string {
  const image = PNG.sync.read(Buffer.from(png));
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!code) throw new Error('no QR code found in the PNG');
  return code.data;
}

/**
 * The data of the Data Matrix in a PNG as ZXing transmits it: an FNC1 in first position (the mark
 * of a GS1 DataMatrix) comes out as a leading GS, each further FNC1 as GS.
 */
export function decodeDataMatrix(png: Uint8Array): string {
  const image = PNG.sync.read(Buffer.from(png));
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r, g, b] = image.data.subarray(i * 4, i * 4 + 3);
    luminance[i] = Math.round((r + g + b) / 3);
  }
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, image.width, image.height)),
  );
  return new DataMatrixReader()
    .decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]]))
    .getText();
}
