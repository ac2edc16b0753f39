import { addProtocol } from 'maplibre-gl';
import { TILE_PROTOCOL, tileAddress, type TileBundle } from '../data/tile-bundle.ts';

/**
 * Serves the tile bundles held in memory to MapLibre (`atlas-tiles://<set>/{z}/{x}/{y}`): no
 * request leaves the page for a tile, and a set read from IndexedDB draws without the network.
 */
const bundles = new Map<string, TileBundle>();
let registered = false;

export function serveTileBundle(bundle: TileBundle): void {
  bundles.set(bundle.header.set, bundle);
  if (registered) return;
  registered = true;
  addProtocol(TILE_PROTOCOL, async (params) => {
    const address = tileAddress(params.url);
    const bundle = address ? bundles.get(address.set) : undefined;
    if (!address || !bundle) throw new Error(`${params.url}: no such tile set`);
    // A copy: the tile's bytes are sent to MapLibre's worker, which takes over the buffer.
    const tile = bundle.tile(address.z, address.x, address.y);
    return { data: tile ? tile.slice().buffer : new ArrayBuffer(0) };
  });
}
