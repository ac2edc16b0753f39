import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, withPngText } from './png-text.ts';

/** A 1×1 PNG (signature, IHDR, IDAT, IEND), the smallest valid image. */
const TINY_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

interface Chunk {
  type: string;
  data: Uint8Array;
  crcOk: boolean;
}

/** Walks the chunks, as a PNG reader would. */
function chunks(png: Uint8Array): Chunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const found: Chunk[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crcOk = view.getUint32(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length));
    found.push({ type, data, crcOk });
    at += 12 + length;
  }
  return found;
}

describe('crc32', () => {
  it('matches the PNG specification check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('withPngText', () => {
  it('adds one valid iTXt chunk after IHDR and keeps the rest', () => {
    const out = withPngText(TINY_PNG, 'Description', 'Tỷ lệ hộ nghèo: 7 huyện', 'vi');
    const list = chunks(out);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    expect(chunks(TINY_PNG).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('round-trips any text in UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const itxt = chunks(withPngText(TINY_PNG, 'Description', text, 'vi'))[1]!;
        const parts = new TextDecoder().decode(itxt.data).split('\0');
        // keyword, compression flag and method (0, 0), language, no translated keyword, text
        expect(parts.slice(0, 5)).toEqual(['Description', '', '', 'vi', '']);
        expect(parts.slice(5).join('\0')).toBe(text);
      }),
    );
  });

  it('refuses bytes that are not a PNG and bad keywords', () => {
    expect(() => withPngText(new Uint8Array(40), 'Description', 'x', 'vi')).toThrow(/not a PNG/);
    expect(() => withPngText(TINY_PNG, 'Mô tả', 'x', 'vi')).toThrow(/keyword/);
  });
});
