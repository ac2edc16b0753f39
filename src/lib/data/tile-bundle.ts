/**
 * A boundary set's vector tiles in one file: the data build cuts them, the app stores the file in
 * IndexedDB under its content hash and serves its tiles to MapLibre through `addProtocol`. One
 * file instead of a folder of tiles means one request, one stored record and one hash to compare.
 *
 * Layout: the 4 bytes `ATLT`, the header's length (uint32, little-endian), the header as UTF-8
 * JSON, then the tiles' bytes one after another (each an uncompressed Mapbox Vector Tile).
 */

export const TILE_BUNDLE_MAGIC = 'ATLT';
/** Every feature (units, parents, label points) is in this one source-layer, told apart by `role`. */
export const UNITS_LAYER = 'units';

export interface TileBundleHeader {
  schema: 1;
  /** The boundary set the tiles draw (`2019`, `2025`). */
  set: string;
  minzoom: number;
  /** Tiles exist up to here; MapLibre over-zooms the last level. */
  maxzoom: number;
  /** West, south, east, north of the features, in degrees. */
  bounds: [number, number, number, number];
  /** z, x, y, byte offset after the header, byte length. */
  tiles: [number, number, number, number, number][];
}

export interface TileBundle {
  header: TileBundleHeader;
  /** The tile's bytes, or null where the set has nothing. */
  tile(z: number, x: number, y: number): Uint8Array | null;
  byteLength: number;
}

export class TileBundleError extends Error {}

export function writeTileBundle(
  header: Omit<TileBundleHeader, 'tiles'>,
  tiles: ReadonlyMap<string, Uint8Array>,
): Uint8Array {
  const entries: TileBundleHeader['tiles'] = [];
  let offset = 0;
  const keys = [...tiles.keys()].sort(compareTileKeys);
  for (const key of keys) {
    const [z, x, y] = key.split('/').map(Number) as [number, number, number];
    const length = tiles.get(key)!.byteLength;
    entries.push([z, x, y, offset, length]);
    offset += length;
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, tiles: entries }));
  const bytes = new Uint8Array(8 + headerBytes.byteLength + offset);
  bytes.set(new TextEncoder().encode(TILE_BUNDLE_MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, headerBytes.byteLength, true);
  bytes.set(headerBytes, 8);
  let at = 8 + headerBytes.byteLength;
  for (const key of keys) {
    const tile = tiles.get(key)!;
    bytes.set(tile, at);
    at += tile.byteLength;
  }
  return bytes;
}

/** Reads a bundle, refusing anything whose header does not describe the bytes that follow. */
export function readTileBundle(buffer: ArrayBuffer | Uint8Array, name: string): TileBundle {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const fail = (reason: string) => new TileBundleError(`${name}: ${reason}`);
  if (
    bytes.byteLength < 8 ||
    new TextDecoder().decode(bytes.subarray(0, 4)) !== TILE_BUNDLE_MAGIC
  ) {
    throw fail('not a tile bundle');
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  if (8 + headerLength > bytes.byteLength) throw fail('cut short in its header');
  let header: TileBundleHeader;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(8, 8 + headerLength)),
    ) as TileBundleHeader;
  } catch {
    throw fail('its header is not JSON');
  }
  if (header?.schema !== 1 || !Array.isArray(header.tiles)) throw fail('unknown header');
  const body = bytes.subarray(8 + headerLength);
  const index = new Map<string, [number, number]>();
  for (const [z, x, y, offset, length] of header.tiles) {
    if (!(offset >= 0 && length >= 0 && offset + length <= body.byteLength)) {
      throw fail(`tile ${z}/${x}/${y} lies outside the file (cut short?)`);
    }
    index.set(`${z}/${x}/${y}`, [offset, length]);
  }
  return {
    header,
    byteLength: bytes.byteLength,
    tile(z, x, y) {
      const found = index.get(`${z}/${x}/${y}`);
      return found ? body.subarray(found[0], found[0] + found[1]) : null;
    },
  };
}

/** The protocol URL of a set's tiles; `tileAddress` reads it back. */
export const TILE_PROTOCOL = 'atlas-tiles';

export function tileUrlTemplate(set: string): string {
  return `${TILE_PROTOCOL}://${set}/{z}/{x}/{y}`;
}

export function tileAddress(url: string): { set: string; z: number; x: number; y: number } | null {
  const match = /^atlas-tiles:\/\/([\w-]+)\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  if (!match) return null;
  return { set: match[1]!, z: Number(match[2]), x: Number(match[3]), y: Number(match[4]) };
}

function compareTileKeys(a: string, b: string): number {
  const [az, ax, ay] = a.split('/').map(Number) as [number, number, number];
  const [bz, bx, by] = b.split('/').map(Number) as [number, number, number];
  return az - bz || ax - bx || ay - by;
}
