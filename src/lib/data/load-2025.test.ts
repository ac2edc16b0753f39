import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import {
  communes2025FromText,
  crosswalkFromText,
  fetchGenerated,
  Load2025Error,
  provinceBoundsFromText,
  provinces2025FromText,
} from './load-2025.ts';

const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});

function provincesText(): string {
  return JSON.stringify(
    topology({
      provinces: <FeatureCollection>{
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '08', name: 'Tỉnh Tuyên Quang' },
            geometry: square(0),
          },
        ],
      },
      provinceLabels: <FeatureCollection>{
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '08', name: 'Tuyên Quang' },
            geometry: { type: 'Point', coordinates: [0.5, 0.5] },
          },
        ],
      },
    }),
  );
}

describe('2025 files in the browser', () => {
  it('turns the provinces topology into one collection told apart by role', () => {
    const features = provinces2025FromText(provincesText(), '2025/provinces.topojson');
    expect(features.features.map((f) => f.properties)).toEqual([
      { role: 'province', code: '08', name: 'Tỉnh Tuyên Quang' },
      { role: 'province-label', code: '08', name: 'Tuyên Quang' },
    ]);
  });

  it('gives each province its bounding box, without the label points', () => {
    expect(provinceBoundsFromText(provincesText(), '2025/provinces.topojson')).toEqual([
      ['08', [0, 0, 1, 1]],
    ]);
    expect(() => provinceBoundsFromText('[]', '2025/provinces.topojson')).toThrow(
      '2025/provinces.topojson: not a topology with provinces and provinceLabels',
    );
  });

  it('names the file when it is not what it should be', () => {
    expect(() => provinces2025FromText('{', '2025/provinces.topojson')).toThrow(
      /2025\/provinces\.topojson: not valid JSON/,
    );
    expect(() => communes2025FromText(provincesText(), '2025/communes-08.topojson')).toThrow(
      '2025/communes-08.topojson: not a topology with communes and communeLabels',
    );
    expect(() => crosswalkFromText('{"schema":2}', '2025/crosswalk.json')).toThrow(Load2025Error);
  });

  it('accepts a crosswalk file of schema 1', () => {
    const file = {
      schema: 1,
      provinces: [],
      oldProvinces: [],
      oldDistricts: [],
      communes: [],
      oldCommunes: [],
      aliases: [['06970', '06978']],
    };
    expect(crosswalkFromText(JSON.stringify(file), 'c.json')).toEqual(file);
  });

  it('fetches with the content hash in the URL and reports HTTP errors by file', async () => {
    const urls: string[] = [];
    const fetchFn = (async (url: string) => {
      urls.push(url);
      return new Response('nope', { status: 404 });
    }) as typeof fetch;
    const file = {
      file: '2025/crosswalk.json',
      contentHash: 'a'.repeat(64),
      bytes: 1,
      gzipBytes: 1,
    };
    await expect(fetchGenerated('/generated/', file, fetchFn)).rejects.toThrow(
      '2025/crosswalk.json: HTTP 404',
    );
    expect(urls).toEqual([`/generated/2025/crosswalk.json?v=${'a'.repeat(12)}`]);
  });
});
