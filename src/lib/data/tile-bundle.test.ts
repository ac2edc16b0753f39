import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  readTileBundle,
  tileAddress,
  tileUrlTemplate,
  TileBundleError,
  writeTileBundle,
} from './tile-bundle.ts';

const HEADER = {
  schema: 1 as const,
  set: '2019',
  minzoom: 0,
  maxzoom: 7,
  bounds: [102, 8, 110, 23] as [number, number, number, number],
};

describe('tile bundles', () => {
  it('give back every tile written, byte for byte, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            z: fc.integer({ min: 0, max: 7 }),
            x: fc.integer({ min: 0, max: 127 }),
            y: fc.integer({ min: 0, max: 127 }),
            bytes: fc.uint8Array({ maxLength: 64 }),
          }),
          { selector: (t) => `${t.z}/${t.x}/${t.y}`, maxLength: 20 },
        ),
        (tiles) => {
          const written = writeTileBundle(
            HEADER,
            new Map(tiles.map((t) => [`${t.z}/${t.x}/${t.y}`, t.bytes])),
          );
          const bundle = readTileBundle(written.slice().buffer, 'test');
          expect(bundle.header.set).toBe('2019');
          for (const t of tiles) expect([...bundle.tile(t.z, t.x, t.y)!]).toEqual([...t.bytes]);
          const absent = tiles.some((t) => t.z === 0 && t.x === 500)
            ? null
            : bundle.tile(0, 500, 0);
          expect(absent).toBeNull();
        },
      ),
    );
  });

  it('refuses a file that is not a bundle or is cut short, naming it', () => {
    const written = writeTileBundle(HEADER, new Map([['0/0/0', new Uint8Array([1, 2, 3, 4])]]));
    expect(() => readTileBundle(new Uint8Array([1, 2, 3]), 'x.atlt')).toThrow(TileBundleError);
    expect(() => readTileBundle(new TextEncoder().encode('<html>'), 'x.atlt')).toThrow(
      'x.atlt: not a tile bundle',
    );
    expect(() => readTileBundle(written.subarray(0, written.byteLength - 2), 'x.atlt')).toThrow(
      /0\/0\/0 lies outside the file/,
    );
    expect(() => readTileBundle(written.subarray(0, 12), 'x.atlt')).toThrow(/cut short/);
  });

  it('address tiles by a protocol URL that reads back', () => {
    const url = tileUrlTemplate('2025')
      .replace('{z}', '7')
      .replace('{x}', '101')
      .replace('{y}', '57');
    expect(tileAddress(url)).toEqual({ set: '2025', z: 7, x: 101, y: 57 });
    expect(tileAddress('https://example.org/7/1/2')).toBeNull();
  });
});
