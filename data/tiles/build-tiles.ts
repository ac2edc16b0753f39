/**
 * Cuts the built-in boundary sets into vector-tile bundles beside the topologies they come from
 * (`tiles-<set>.atlt` in the git-ignored output folder). A bundle is rebuilt only when its inputs,
 * this code or the tiling libraries change.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import type { Boundary2025Manifest, TileSetFile } from '../../src/lib/data/atlas-index.ts';
import {
  MAP_OBJECTS_2019,
  MAP_OBJECTS_2025_COMMUNES,
  MAP_OBJECTS_2025_PROVINCES,
  mapFeaturesOf,
  type MapFeatureRole,
  type MapFeatures,
} from '../../src/lib/data/boundary-topology.ts';
import { setsInTiles } from '../../src/lib/domain/boundary-sets.ts';
import { computeInputHash, sha256, type HashedFile } from '../boundaries/manifest.ts';
import { cutTileBundle, type TileCutOptions } from './cut-tiles.ts';

export interface TileSetRecipe {
  set: string;
  /** Topology files (relative to the output folder) and the objects taken from each. */
  parts: { file: string; objects: readonly (readonly [string, MapFeatureRole])[] }[];
  cut: Omit<TileCutOptions, 'set'>;
}

/**
 * The first tile level carrying each set's label points: the one below the zoom its label layer
 * starts at (see BOUNDARY_SETS), or the bundle's last level, which MapLibre over-zooms.
 */
export function labelTileZooms(
  tiles: '2019' | '2025',
  maxzoom: number,
): Partial<Record<MapFeatureRole, number>> {
  return Object.fromEntries(
    setsInTiles(tiles).flatMap((set) =>
      set.labelRole && set.labelMinZoom !== null
        ? [[set.labelRole, Math.min(Math.floor(set.labelMinZoom), maxzoom)]]
        : [],
    ),
  );
}

/** The built-in sets: the 2019 districts and provinces; the 2025 communes and provinces. */
export function tileSetRecipes(manifest2025: Boundary2025Manifest): TileSetRecipe[] {
  return [
    RECIPE_2019,
    {
      set: '2025',
      parts: [
        { file: manifest2025.provincesFile.file, objects: MAP_OBJECTS_2025_PROVINCES },
        ...manifest2025.provinces.map((province) => ({
          file: province.communes.file,
          objects: MAP_OBJECTS_2025_COMMUNES,
        })),
      ],
      // 3,321 communes: z6 with a coarser tolerance keeps the set under 500 KB gzip (471 KB);
      // outlines stay within ~3 px at zoom 8, where a province fills the screen. Commune labels
      // (shown from zoom 8.5) ride on the last level.
      cut: {
        maxzoom: 6,
        tolerance: 4.5,
        labelMinZoom: labelTileZooms('2025', 6),
        // Đặc khu Hoàng Sa (Đà Nẵng) and Đặc khu Trường Sa (Khánh Hoà).
        neverDropped: ['20333', '22736'],
      },
    },
  ];
}

const RECIPE_2019: TileSetRecipe = {
  set: '2019',
  parts: [{ file: 'boundaries-2019.topojson', objects: MAP_OBJECTS_2019 }],
  // z7 over-zoomed holds the outlines to within ~2 px at zoom 10, where a district fills the
  // screen; 346 KB gzip for the 705 districts, the 63 provinces and their label points.
  cut: {
    maxzoom: 7,
    tolerance: 3,
    labelMinZoom: labelTileZooms('2019', 7),
    // Huyện Hoàng Sa and huyện Trường Sa: islands of a few pixels that must never vanish.
    neverDropped: ['498', '576'],
  },
};

const CODE_FILES = ['build-tiles.ts', 'cut-tiles.ts'];
const LIBRARIES = ['@maplibre/geojson-vt', '@maplibre/vt-pbf'];

export async function buildTileSets(options: {
  outDir: string;
  manifest2025: Boundary2025Manifest;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<Record<string, TileSetFile>> {
  const result: Record<string, TileSetFile> = {};
  for (const recipe of tileSetRecipes(options.manifest2025)) {
    result[recipe.set] = await buildTileSet(recipe, options);
  }
  return result;
}

async function buildTileSet(
  recipe: TileSetRecipe,
  { outDir, force, log }: { outDir: string; force?: boolean; log?: (line: string) => void },
): Promise<TileSetFile> {
  const file = `tiles-${recipe.set}.atlt`;
  const manifestFile = join(outDir, `tiles-${recipe.set}.json`);
  const inputs: HashedFile[] = await Promise.all(
    recipe.parts.map(async (part) => ({
      name: part.file,
      bytes: await readFile(join(outDir, part.file)),
    })),
  );
  const here = fileURLToPath(new URL('.', import.meta.url));
  const code: HashedFile[] = [
    ...(await Promise.all(
      CODE_FILES.map(async (name) => ({ name, bytes: await readFile(join(here, name)) })),
    )),
    { name: 'recipe', bytes: new TextEncoder().encode(JSON.stringify(recipe)) },
    ...(await Promise.all(
      LIBRARIES.map(async (name) => ({
        name,
        bytes: new TextEncoder().encode(await libraryVersion(name)),
      })),
    )),
  ];
  const inputHash = computeInputHash(inputs, code);
  if (!force) {
    const previous = await readFile(manifestFile, 'utf8')
      .then((text) => JSON.parse(text) as TileSetFile)
      .catch(() => null);
    const present = await readFile(join(outDir, file)).catch(() => null);
    if (previous?.inputHash === inputHash && present && sha256(present) === previous.contentHash) {
      log?.(`tiles ${recipe.set}: unchanged`);
      return previous;
    }
  }
  const features: MapFeatures = { type: 'FeatureCollection', features: [] };
  for (const [i, part] of recipe.parts.entries()) {
    const topology = JSON.parse(new TextDecoder().decode(inputs[i]!.bytes)) as Topology;
    features.features.push(...mapFeaturesOf(topology, part.objects).features);
  }
  const bytes = cutTileBundle(features, { set: recipe.set, ...recipe.cut });
  const manifest: TileSetFile = {
    file,
    contentHash: sha256(bytes),
    bytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
    inputHash,
  };
  const temporary = join(outDir, `${file}.tmp-${process.pid}`);
  await writeFile(temporary, bytes);
  await rename(temporary, join(outDir, file));
  await writeFile(manifestFile, JSON.stringify(manifest, null, 2));
  log?.(
    `tiles ${recipe.set}: ${manifest.bytes} bytes (${manifest.gzipBytes} gzip), z0–${recipe.cut.maxzoom}`,
  );
  return manifest;
}

/** The installed version (the packages do not export their package.json). */
async function libraryVersion(name: string): Promise<string> {
  const entry = createRequire(import.meta.url).resolve(name);
  const root = entry.slice(
    0,
    entry.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}/`.length,
  );
  return (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string })
    .version;
}
