/**
 * Random serial numbers for commissioning. EU Delegated Regulation 2016/161 Art. 4 asks that the
 * chance of guessing a valid serial be below 1 in 10,000: 12 characters from a 32-symbol
 * alphabet give 2^60 possibilities, so even a billion packs of one GTIN leave a guess below
 * 1 in 10^9. The alphabet has no I, O, 0 or 1 to spare people misreading a printed code.
 * Injectable, so tests can draw from a fixed sequence.
 */
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SERIAL_LENGTH = 12;

@Injectable()
export class SerialSource {
  /** `count` distinct random serials. */
  draw(count: number): string[] {
    const serials = new Set<string>();
    while (serials.size < count) {
      const bytes = randomBytes((count - serials.size) * SERIAL_LENGTH);
      for (
        let at = 0;
        at + SERIAL_LENGTH <= bytes.length && serials.size < count;
        at += SERIAL_LENGTH
      ) {
        let serial = '';
        for (let i = 0; i < SERIAL_LENGTH; i++) serial += ALPHABET[bytes[at + i] & 31];
        serials.add(serial);
      }
    }
    return [...serials];
  }
}
