/**
 * Puts a description into a PNG as an iTXt chunk (UTF-8, so Vietnamese survives), placed right
 * after the header: an exported map then carries its own alt text into a report.
 */

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
/** Signature (8) + IHDR length, type, 13 data bytes and CRC. */
const AFTER_IHDR = 8 + 4 + 4 + 13 + 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function isPng(bytes: Uint8Array): boolean {
  return (
    bytes.length >= AFTER_IHDR &&
    PNG_SIGNATURE.every((b, i) => bytes[i] === b) &&
    String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR'
  );
}

/** A copy of `png` with an iTXt chunk `keyword` = `text` (language `language`). */
export function withPngText(
  png: Uint8Array,
  keyword: string,
  text: string,
  language: string,
): Uint8Array {
  if (!isPng(png)) throw new Error('withPngText: the bytes are not a PNG with an IHDR header');
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) {
    throw new Error(
      `withPngText: keyword must be 1–79 printable ASCII characters, got "${keyword}"`,
    );
  }
  const encoder = new TextEncoder();
  const data = new Uint8Array([
    ...encoder.encode(keyword),
    0,
    0, // not compressed
    0, // compression method
    ...encoder.encode(language),
    0,
    0, // no translated keyword
    ...encoder.encode(text),
  ]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(encoder.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, AFTER_IHDR));
  out.set(chunk, AFTER_IHDR);
  out.set(png.subarray(AFTER_IHDR), AFTER_IHDR + chunk.length);
  return out;
}
