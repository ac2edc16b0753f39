import { readFileSync } from 'node:fs';
import { expect, test as base, type Page } from '@playwright/test';
import type { Topology } from 'topojson-specification';
import {
  MAP_OBJECTS_2019,
  MAP_OBJECTS_2025_COMMUNES,
  MAP_OBJECTS_2025_PROVINCES,
  mapFeaturesOf,
  type MapFeatureRole,
} from '../../src/lib/data/boundary-topology.ts';
import type { DatasetBundle } from '../../src/lib/domain/dataset.ts';
import { openingDataset } from '../../src/lib/domain/opening-dataset.ts';

interface MapHandle {
  atlasMap: {
    queryRenderedFeatures(options: { layers: string[] }): {
      properties: Record<string, string>;
      state: Record<string, unknown>;
    }[];
    project(lngLat: [number, number]): { x: number; y: number };
    getBounds(): { contains(lngLat: [number, number]): boolean };
    once(event: string, listener: () => void): void;
    isMoving(): boolean;
  };
  cspViolations: string[];
}

/**
 * Every page records Content-Security-Policy violations and every request, so each test can
 * assert that nothing left the app's origin.
 */
export const test = base.extend<{ requests: string[] }>({
  requests: [
    async ({ page }, use) => {
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.addInitScript(() => {
        const w = window as unknown as { cspViolations: string[] };
        w.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          w.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
        );
      });
      await use(requests);
    },
    { auto: true },
  ],
});

export { expect };

/** The built-in datasets exactly as the data build wrote them for this app. */
export const BUILT_IN_DATASETS: DatasetBundle[] = (
  JSON.parse(
    readFileSync(new URL('../../public/generated/datasets.json', import.meta.url), 'utf8'),
  ) as { datasets: DatasetBundle[] }
).datasets;

/** What a visit without a link opens on (and a rejected link falls back to): dataset and indicator. */
export const OPENING_VIEW = (() => {
  const id = openingDataset(BUILT_IN_DATASETS.map((d) => d.metadata))!;
  const dataset = BUILT_IN_DATASETS.find((d) => d.metadata.id === id)!.metadata;
  return { datasetId: id, indicatorId: dataset.indicators[0]!, title: dataset.title.vi };
})();

/** The Tuyên Quang 2020 district plan, which most tests work with, as a link opens it. */
export const TUYEN_QUANG_PLAN_LINK = '/#/map?d=tuyen-quang-2020-plan&i=rate_start';

/**
 * Opens the atlas on the Tuyên Quang 2020 district plan; `firstScreen` opens it as a first visit
 * does, with no link (on the national province map).
 */
export async function openAtlas(page: Page, { firstScreen = false } = {}): Promise<void> {
  await page.goto(firstScreen ? '/' : TUYEN_QUANG_PLAN_LINK);
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

/** Waits until the map has stopped moving and rendered. */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = (window as unknown as MapHandle).atlasMap;
    return !map.isMoving();
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        (window as unknown as MapHandle).atlasMap.once('idle', () => resolve());
        setTimeout(resolve, 2000);
      }),
  );
}

/** Values drawn (feature-state `value`, null when unset) on a layer's rendered features, by code. */
export async function drawnValues(page: Page, layer: string): Promise<Map<string, unknown>> {
  const entries = await page.evaluate(
    (id) =>
      (window as unknown as MapHandle).atlasMap
        .queryRenderedFeatures({ layers: [id] })
        .map((f): [string, unknown] => [f.properties.code!, f.state.value ?? null]),
    layer,
  );
  return new Map(entries);
}

/** District codes drawn with a value (feature-state `value` set) in the current view. */
export async function drawnDistrictsWithData(page: Page): Promise<string[]> {
  const values = await drawnValues(page, 'district-choropleth');
  return [...values]
    .filter(([, value]) => value !== null)
    .map(([code]) => code)
    .sort();
}

/** Opens the Data view's import wizard on an open atlas. */
export async function openImportWizard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  await expect(page.getByTestId('data-view')).toBeVisible();
  await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
}

/** Gives the import wizard a CSV file written by the test. */
export async function chooseCsv(page: Page, name: string, csv: string): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
}

export async function pixelOf(page: Page, lngLat: [number, number]) {
  return page.evaluate((point) => (window as unknown as MapHandle).atlasMap.project(point), lngLat);
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as MapHandle).cspViolations);
}

export async function sovereigntyLabels(page: Page): Promise<string[]> {
  // Labels are drawn just after the first choropleth frame.
  await expect(page.locator('#map')).toHaveAttribute('data-labels-ready', 'true');
  return page.evaluate(() =>
    (window as unknown as MapHandle).atlasMap
      .queryRenderedFeatures({ layers: ['sovereignty-labels', 'sea-labels'] })
      .map((f) => f.properties.name!),
  );
}

export async function inView(page: Page, lngLat: [number, number]): Promise<boolean> {
  return page.evaluate(
    (point) => (window as unknown as MapHandle).atlasMap.getBounds().contains(point),
    lngLat,
  );
}

/** A map feature of one role, as the map's own GeoJSON source holds it. */
export interface MapFeature {
  code: string;
  name: string;
  /** A point's position; other geometries' first coordinates are not needed here. */
  coordinates: unknown;
}

/**
 * Every feature of one role on the map: code, name, position. The boundaries are drawn from
 * vector tiles, which hold clipped per-tile copies; their features are read from the topologies
 * the tiles are cut from (the files the build writes), in the same form (`mapFeaturesOf`): the
 * 2019 set (`boundaries`) or the 2025 set (`boundaries-2025`). Other sources are read from the map.
 */
export async function mapFeatures(
  page: Page,
  { source = 'boundaries', role }: { source?: string; role: string },
): Promise<MapFeature[]> {
  if (source === 'boundaries' || source === 'boundaries-2025') {
    const base = new URL('generated/', page.url());
    const read = async <T>(file: string) =>
      (await (await page.request.get(new URL(file, base).href)).json()) as T;
    const index = await read<{
      boundaries: { file: string };
      boundaries2025: {
        provincesFile: { file: string };
        provinces: { communes: { file: string } }[];
      };
    }>('atlas.json');
    const parts: [string, readonly (readonly [string, MapFeatureRole])[]][] =
      source === 'boundaries'
        ? [[index.boundaries.file, MAP_OBJECTS_2019]]
        : [
            [index.boundaries2025.provincesFile.file, MAP_OBJECTS_2025_PROVINCES],
            ...index.boundaries2025.provinces.map(
              (p): [string, typeof MAP_OBJECTS_2025_COMMUNES] => [
                p.communes.file,
                MAP_OBJECTS_2025_COMMUNES,
              ],
            ),
          ];
    const features: MapFeature[] = [];
    for (const [file, objects] of parts) {
      for (const f of mapFeaturesOf(await read<Topology>(file), objects).features) {
        if (f.properties.role !== role) continue;
        features.push({
          code: f.properties.code,
          name: f.properties.name,
          coordinates: f.geometry.type === 'Point' ? f.geometry.coordinates : null,
        });
      }
    }
    return features;
  }
  return page.evaluate(
    async ([sourceId, wanted]) => {
      const w = window as unknown as {
        atlasMap: {
          getSource(id: string): {
            getData(): Promise<{
              features: {
                properties: { code: string; role: string; name: string };
                geometry: { type: string; coordinates: unknown };
              }[];
            }>;
          };
        };
      };
      const data = await w.atlasMap.getSource(sourceId).getData();
      return data.features
        .filter((f) => f.properties.role === wanted)
        .map((f) => ({
          code: f.properties.code,
          name: f.properties.name,
          coordinates: f.geometry.type === 'Point' ? f.geometry.coordinates : null,
        }));
    },
    [source, role] as const,
  );
}

/**
 * The feature-state of a 2019 unit on the map, by its state id (`unitStateId`: provinces are
 * `p` + code), as the map holds it for the vector-tile source.
 */
export async function boundaryState(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate(
    (stateId) =>
      (
        window as unknown as {
          atlasMap: {
            getFeatureState(f: {
              source: string;
              sourceLayer: string;
              id: string;
            }): Record<string, unknown>;
          };
        }
      ).atlasMap.getFeatureState({ source: 'boundaries', sourceLayer: 'units', id: stateId }),
    id,
  );
}

/**
 * A unit's label point: a point inside it (the pole of inaccessibility). A district's by default;
 * a 2025 commune's with `{ source: 'boundaries-2025', role: 'commune-label' }`.
 */
export async function labelPointOf(
  page: Page,
  code: string,
  { source = 'boundaries', role = 'district-label' } = {},
): Promise<[number, number]> {
  const features = await mapFeatures(page, { source, role });
  return features.find((f) => f.code === code)!.coordinates as [number, number];
}

/**
 * Hides every text layer, so pixels sampled on the map are the fills' own colours; with `marks`,
 * the provenance marks too (a plan's dots, a survey's grid), which lie over the fills.
 */
export async function hideLabels(page: Page, { marks = false } = {}): Promise<void> {
  // Labels are added after the first choropleth frame; hide them once they are there.
  await expect(page.locator('#map')).toHaveAttribute('data-labels-ready', 'true');
  await page.evaluate((hideMarks) => {
    const map = (
      window as unknown as {
        atlasMap: {
          getStyle(): { layers: { id: string; type: string }[] };
          setLayoutProperty(id: string, name: string, value: string): void;
        };
      }
    ).atlasMap;
    for (const layer of map.getStyle().layers) {
      if (layer.type === 'symbol' || (hideMarks && layer.id === 'unit-provenance')) {
        map.setLayoutProperty(layer.id, 'visibility', 'none');
      }
    }
  }, marks);
}

/** The colour drawn at a geographic point, as [r, g, b]. */
export async function colourAt(page: Page, lngLat: [number, number]): Promise<number[]> {
  const { x, y } = await pixelOf(page, lngLat);
  const box = (await page.locator('#map').boundingBox())!;
  const png = await page.screenshot({
    clip: { x: box.x + Math.round(x) - 1, y: box.y + Math.round(y) - 1, width: 3, height: 3 },
  });
  return page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(
        new Blob([new Uint8Array(bytes)], { type: 'image/png' }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return [...context.getImageData(1, 1, 1, 1).data.slice(0, 3)];
    },
    [...png],
  );
}

export function hexToRgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

export function closeTo(actual: number[], expected: number[], tolerance = 6): boolean {
  return actual.every((value, i) => Math.abs(value - expected[i]!) <= tolerance);
}
