import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  createZippedShapefile,
  square,
  VN2000_PRJ,
  WGS84_PRJ,
} from '../../../../../tests/fixtures/shapefile.ts';
import { boundaryProblemText } from './boundary-problems.ts';
import { readBoundaryFile } from './read-boundary-file.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function collection(features: unknown[]) {
  return utf8(JSON.stringify({ type: 'FeatureCollection', features }));
}

function polygonFeature(properties: Record<string, unknown>, west = 105.2, south = 22.1) {
  return {
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates: [square(west, south)] },
  };
}

const TWO_DISTRICTS = collection([
  polygonFeature({ ma_huyen: '071', ten_huyen: 'Huyện Lâm Bình' }),
  polygonFeature({ ma_huyen: '072', ten_huyen: 'Huyện Na Hang' }, 105.4, 22.2),
]);

function errorsOf(read: ReturnType<typeof readBoundaryFile>) {
  expect(read.ok).toBe(false);
  return read.problems.filter((p) => p.severity === 'error').map((p) => p.message);
}

describe('readBoundaryFile: GeoJSON', () => {
  it('reads a FeatureCollection of polygons with their properties', () => {
    const read = readBoundaryFile('huyen.geojson', TWO_DISTRICTS);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.format).toBe('geojson');
    expect(read.features).toHaveLength(2);
    expect(read.properties).toEqual(['ma_huyen', 'ten_huyen']);
    expect(read.features[1]!.properties.ten_huyen).toBe('Huyện Na Hang');
    expect(read.features[0]!.geometry.type).toBe('Polygon');
  });

  it('closes an unclosed ring', () => {
    const ring = square(105.2, 22.1).slice(0, 4);
    const read = readBoundaryFile(
      'a.geojson',
      collection([
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
      ]),
    );
    expect(read.ok && read.features[0]!.geometry.coordinates[0]).toHaveLength(5);
  });

  it('names the feature of a point, a missing geometry and a degenerate ring', () => {
    const read = readBoundaryFile(
      'a.geojson',
      collection([
        polygonFeature({}),
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [105, 21] } },
        { type: 'Feature', properties: {}, geometry: null },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [105, 21],
                [105.1, 21],
                [105, 21],
              ],
            ],
          },
        },
      ]),
    );
    expect(errorsOf(read)).toEqual([
      'feature 2: is a Point; only Polygon and MultiPolygon are accepted',
      'feature 3: has no geometry',
      'feature 4: ring 1 has fewer than 3 distinct points',
    ]);
  });

  it('says that metre coordinates look projected (VN-2000?)', () => {
    const ring = [
      [512000, 2420000],
      [513000, 2420000],
      [513000, 2421000],
      [512000, 2420000],
    ];
    const read = readBoundaryFile(
      'vn2000.geojson',
      collection([
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } },
      ]),
    );
    expect(errorsOf(read)).toEqual([
      'feature 1: coordinates look projected (VN-2000?); export as WGS84 — x = 512000, y = 2420000',
    ]);
    expect(boundaryProblemText(read.problems[0]!, 'vi')).toMatch(
      /^vùng 1: tọa độ trông như đã chiếu \(VN-2000\?\)/,
    );
  });

  it('refuses swapped axes and places outside Vietnam', () => {
    const swapped = square(22.1, 105.2);
    const paris = square(2.3, 48.8);
    const read = readBoundaryFile(
      'a.geojson',
      collection([
        polygonFeature({}),
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [paris] } },
      ]),
    );
    expect(errorsOf(read)).toEqual([
      'feature 2: lies outside Vietnam (longitude 2.3, latitude 48.8)',
    ]);
    const read2 = readBoundaryFile(
      'a.geojson',
      collection([
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [swapped] } },
      ]),
    );
    expect(errorsOf(read2)[0]).toMatch(/longitude and latitude look swapped/);
  });

  it('refuses other JSON, empty collections, and too many features or bytes', () => {
    expect(errorsOf(readBoundaryFile('a.json', utf8('[1,2]')))).toEqual([
      'the GeoJSON must be a FeatureCollection (its type is “array”)',
    ]);
    expect(errorsOf(readBoundaryFile('a.geojson', collection([])))).toEqual([
      'the file has no features',
    ]);
    expect(errorsOf(readBoundaryFile('a.geojson', utf8('{"type":')))[0]).toMatch(/^not valid JSON/);
    expect(errorsOf(readBoundaryFile('a.geojson', new Uint8Array()))).toEqual([
      'the file is empty',
    ]);
    const limits = { maxBytes: 100, maxFeatures: 1, maxVertices: 5 };
    expect(errorsOf(readBoundaryFile('a.geojson', TWO_DISTRICTS, { limits }))).toEqual([
      'the file is 1 MB, over the 0.0001 MB limit',
    ]);
    expect(
      errorsOf(
        readBoundaryFile('a.geojson', TWO_DISTRICTS, { limits: { ...limits, maxBytes: 1e6 } }),
      ),
    ).toEqual(['2 features, over the limit of 1']);
    expect(
      errorsOf(
        readBoundaryFile('a.geojson', TWO_DISTRICTS, {
          limits: { ...limits, maxBytes: 1e6, maxFeatures: 10 },
        }),
      ),
    ).toEqual(['10 vertices, over the limit of 5: simplify the boundaries']);
  });
});

describe('readBoundaryFile: geometry that cannot be drawn or measured', () => {
  const feature = (...rings: number[][][]) => ({
    type: 'Feature',
    properties: { ma_huyen: '071' },
    geometry: { type: 'Polygon', coordinates: rings },
  });
  const ring = (...points: number[][]) => [...points, points[0]!];
  const shell = ring([105, 22], [105.1, 22], [105.1, 22.1], [105, 22.1]);

  it('refuses a bow-tie and a figure-8, naming the feature, ring and crossing', () => {
    const bowTie = ring([105, 22], [105.1, 22.1], [105.1, 22], [105, 22.1]);
    const figure8 = ring([105, 22], [105.1, 22], [105, 22.2], [105.1, 22.2]);
    const read = readBoundaryFile(
      'x.geojson',
      collection([feature(shell), feature(bowTie), feature(figure8)]),
    );
    expect(read.ok).toBe(false);
    expect(read.problems.map((p) => [p.kind, p.feature, p.params.ring])).toEqual([
      ['self-intersection', 2, 1],
      ['self-intersection', 3, 1],
    ]);
    expect(read.problems[0]!.message).toBe(
      'feature 2: ring 1 crosses itself or another ring at (105.05, 22.05)',
    );
  });

  it('refuses a hole outside its shell, or crossing it', () => {
    const outside = ring([105.2, 22.02], [105.2, 22.08], [105.28, 22.08], [105.28, 22.02]);
    const crossing = ring([105.05, 22.02], [105.05, 22.08], [105.18, 22.08], [105.18, 22.02]);
    const read = readBoundaryFile(
      'x.geojson',
      collection([feature(shell, outside), feature(shell, crossing)]),
    );
    expect(read.problems.map((p) => [p.kind, p.feature, p.params.ring])).toEqual([
      ['hole-outside', 1, 2],
      ['self-intersection', 2, 1],
    ]);
  });

  it('rewinds rings the wrong way round, drops repeated points and spikes, and says so', () => {
    const clockwise = [...shell].reverse();
    const hole = ring([105.02, 22.02], [105.08, 22.02], [105.08, 22.08], [105.02, 22.08]);
    const spiked = ring(
      [105, 22],
      [105.1, 22],
      [105.1, 22],
      [105.15, 22.05],
      [105.1, 22],
      [105.1, 22.1],
      [105, 22.1],
    );
    const read = readBoundaryFile(
      'x.geojson',
      collection([feature(clockwise, hole), feature(spiked)]),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [first, second] = read.features.map((f) => f.geometry.coordinates as number[][][]);
    expect(first).toEqual([shell, [...hole].reverse()]);
    expect(second).toEqual([shell]);
    expect(read.problems.map((p) => [p.severity, p.kind, p.params.n])).toEqual([
      ['warning', 'rewound', 2],
    ]);
  });

  it('keeps properties named after Object.prototype members as plain names', () => {
    // Written as text: an object literal's `__proto__` would set its prototype instead.
    const properties = '{"constructor":"a","toString":"b","__proto__":"c","ma_huyen":"071"}';
    const geometry = JSON.stringify({ type: 'Polygon', coordinates: [shell] });
    const text = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":${properties},"geometry":${geometry}}]}`;
    const read = readBoundaryFile('x.geojson', utf8(text));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.properties).toEqual(['constructor', 'toString', '__proto__', 'ma_huyen']);
    expect(read.features[0]!.properties.__proto__).toBe('c');
  });

  it('refuses a key said twice, naming the feature and the property', () => {
    const geometry = JSON.stringify({ type: 'Polygon', coordinates: [shell] });
    const feature = (properties: string) =>
      `{"type":"Feature","properties":${properties},"geometry":${geometry}}`;
    const features = [
      feature('{"ma_huyen":"071"}'),
      feature('{"ma_huyen":"072","ma_huyen":"073"}'),
    ];
    const text = `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
    const read = readBoundaryFile('x.geojson', utf8(text));
    expect(read.ok).toBe(false);
    expect(read.problems).toMatchObject([
      { kind: 'duplicate-key', feature: 2, property: 'ma_huyen', params: { key: 'ma_huyen' } },
    ]);
    expect(boundaryProblemText(read.problems[0]!, 'vi')).toMatch(/^vùng 2, thuộc tính “ma_huyen”/);
    // A geometry said twice (which ring was meant?) and a TopoJSON geometry's properties.
    const twoGeometries = `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":${geometry},"geometry":${geometry}}]}`;
    expect(readBoundaryFile('x.geojson', utf8(twoGeometries)).problems).toMatchObject([
      { kind: 'duplicate-key', feature: 1, property: null },
    ]);
    const topology = `{"type":"Topology","arcs":[],"objects":{"huyen":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[105,21],"properties":{"ten":"a"}},{"type":"Point","coordinates":[105,21],"properties":{"ten":"b","ten":"c"}}]}}}`;
    expect(readBoundaryFile('x.topojson', utf8(topology)).problems).toMatchObject([
      { kind: 'duplicate-key', feature: 2, property: 'ten' },
    ]);
    // The same key in two different objects is no duplicate.
    expect(readBoundaryFile('x.geojson', TWO_DISTRICTS).ok).toBe(true);
  });

  it('refuses JSON nested too deep, and a zip that inflates past the limit', () => {
    const deep = utf8(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(readBoundaryFile('x.geojson', deep).problems.map((p) => p.kind)).toEqual([
      'json-too-deep',
    ]);
    const bomb = zipSync({ 'a.shp': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    const started = performance.now();
    expect(readBoundaryFile('a.zip', bomb).problems.map((p) => p.kind)).toEqual(['zip-too-large']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('readBoundaryFile: TopoJSON', () => {
  const topology = {
    type: 'Topology',
    objects: {
      points: {
        type: 'GeometryCollection',
        geometries: [{ type: 'Point', coordinates: [105, 21] }],
      },
      huyen: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', arcs: [[0]], properties: { code: '071', name: 'Lâm Bình' } },
          { type: 'Polygon', arcs: [[1]], properties: { code: '072', name: 'Na Hang' } },
        ],
      },
    },
    arcs: [square(105.2, 22.1), square(105.4, 22.2)],
  };

  it('reads the object with the most polygons, and any other on request', () => {
    const read = readBoundaryFile('t.topojson', utf8(JSON.stringify(topology)));
    expect(read.ok).toBe(true);
    expect(read.format).toBe('topojson');
    expect(read.layers).toEqual(['points', 'huyen']);
    expect(read.layer).toBe('huyen');
    expect(read.ok && read.features.map((f) => f.properties.name)).toEqual(['Lâm Bình', 'Na Hang']);
    const points = readBoundaryFile('t.topojson', utf8(JSON.stringify(topology)), {
      layer: 'points',
    });
    expect(errorsOf(points)).toEqual([
      'feature 1: is a Point; only Polygon and MultiPolygon are accepted',
    ]);
  });

  it('refuses arcs that do not exist', () => {
    const broken = structuredClone(topology);
    broken.objects.huyen.geometries[0]!.arcs = [[7]];
    expect(errorsOf(readBoundaryFile('t.json', utf8(JSON.stringify(broken))))[0]).toMatch(
      /^(invalid TopoJSON|feature 1)/,
    );
  });
});

describe('readBoundaryFile: zipped Shapefile', () => {
  const spec = {
    shapes: [
      [[square(105.2, 22.1)]],
      [[square(105.4, 22.2), [...square(105.43, 22.23, 0.02)].reverse()]],
    ],
    fields: ['MA_HUYEN', 'TEN_HUYEN'],
    records: [
      ['071', 'Huyện Lâm Bình'],
      ['072', 'Huyện Na Hang'],
    ],
  };

  it('reads polygons, holes and UTF-8 names', () => {
    const zip = createZippedShapefile({ ...spec, prj: WGS84_PRJ, cpg: 'UTF-8' });
    const read = readBoundaryFile('huyen.zip', zip);
    expect(read.problems).toEqual([]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.format).toBe('shapefile');
    expect(read.encoding).toBe('utf-8');
    expect(read.layers).toEqual(['ranh-gioi']);
    expect(read.features.map((f) => f.properties)).toEqual([
      { MA_HUYEN: '071', TEN_HUYEN: 'Huyện Lâm Bình' },
      { MA_HUYEN: '072', TEN_HUYEN: 'Huyện Na Hang' },
    ]);
    const withHole = read.features[1]!.geometry;
    expect(withHole.type).toBe('Polygon');
    expect(withHole.coordinates).toHaveLength(2);
    // Back to RFC 7946 winding: the outer ring as the test wrote it.
    expect(withHole.coordinates[0]).toEqual(square(105.4, 22.2));
  });

  it('reads Windows-1258 names when the .cpg says so, and warns without a .prj', () => {
    const latin = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const zip = createZippedShapefile({
      ...spec,
      records: [
        ['071', 'Huyen Lam Binh'],
        ['072', 'Ho\u00cca'],
      ],
      encode: latin,
      cpg: '1258',
    });
    const read = readBoundaryFile('huyen.zip', zip);
    expect(read.ok && read.features[1]!.properties.TEN_HUYEN).toBe('H\u00f2a');
    expect(read.encoding).toBe('windows-1258');
    expect(read.problems.map((p) => p.message)).toEqual([
      'no .prj file: coordinates are taken as WGS84',
    ]);
  });

  it('reads TCVN3 names when the .cpg says so, and refuses undeclared or unknown legacy bytes', () => {
    const bytes = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    // "Lâm Bình" typed in the .Vn fonts.
    const legacy = {
      ...spec,
      records: [
        ['071', 'L\u00a9m B\u00d7nh'],
        ['072', 'Na Hang'],
      ],
      encode: bytes,
    };
    const read = readBoundaryFile('a.zip', createZippedShapefile({ ...legacy, cpg: 'TCVN3' }));
    expect(read.ok && read.features[0]!.properties.TEN_HUYEN).toBe('Lâm Bình');
    expect(read.encoding).toBe('tcvn3');
    expect(
      errorsOf(readBoundaryFile('a.zip', createZippedShapefile({ ...legacy, cpg: 'VNI' })))[0],
    ).toMatch(/^the encoding “VNI” is not supported: convert the names to Unicode/);
    expect(errorsOf(readBoundaryFile('a.zip', createZippedShapefile(legacy)))[0]).toMatch(
      /not UTF-8 and no \.cpg file says their encoding: add a \.cpg naming it \(UTF-8, 1258 or TCVN3\)/,
    );
  });

  it('refuses a projected .prj and a zip without .shp or .dbf', () => {
    const projected = createZippedShapefile({ ...spec, prj: VN2000_PRJ });
    expect(errorsOf(readBoundaryFile('vn2000.zip', projected))).toEqual([
      'coordinates look projected (VN-2000?); export as WGS84 — .prj: VN_2000_UTM_Zone_48N',
    ]);
    expect(errorsOf(readBoundaryFile('a.zip', zipSync({ 'readme.txt': utf8('x') })))).toEqual([
      'the .zip holds no .shp file',
    ]);
    expect(errorsOf(readBoundaryFile('a.zip', utf8('PK not a zip')))[0]).toMatch(
      /^the \.zip cannot be unpacked/,
    );
  });
});

describe('readBoundaryFile never throws', () => {
  it('answers any bytes with features or problems', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom('a.zip', 'a.geojson', 'a.shp'),
        (bytes, name) => {
          const read = readBoundaryFile(name, bytes);
          expect(
            read.ok || read.problems.some((p) => p.severity === 'error' && p.message !== ''),
          ).toBe(true);
        },
      ),
    );
  });

  it('answers any JSON with features or problems', () => {
    const geometry = fc.oneof(
      fc.anything(),
      fc.record({
        type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'GeometryCollection'),
        coordinates: fc.anything(),
      }),
      fc.record({
        type: fc.constant('Polygon'),
        coordinates: fc.array(fc.array(fc.tuple(fc.double(), fc.double()), { maxLength: 6 }), {
          maxLength: 3,
        }),
      }),
    );
    const feature = fc.record({
      type: fc.constant('Feature'),
      properties: fc.anything(),
      geometry,
    });
    const data = fc.oneof(
      fc.anything(),
      fc.record({
        type: fc.constant('FeatureCollection'),
        features: fc.array(fc.oneof(feature, fc.anything()), { maxLength: 5 }),
      }),
      fc.record({
        type: fc.constant('Topology'),
        objects: fc.dictionary(fc.string(), fc.anything()),
        arcs: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(data, (value) => {
        const read = readBoundaryFile('a.json', utf8(JSON.stringify(value) ?? 'null'));
        if (!read.ok)
          expect(read.problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
      }),
    );
  });

  it('answers a damaged Shapefile with problems', () => {
    const zip = createZippedShapefile({
      shapes: [[[square(105.2, 22.1)]]],
      fields: ['TEN'],
      records: [['A']],
    });
    const parts = unzipSync(zip);
    fc.assert(
      fc.property(
        fc.constantFrom('ranh-gioi.shp', 'ranh-gioi.dbf'),
        fc.nat(),
        fc.integer({ min: 0, max: 255 }),
        fc.boolean(),
        (part, at, value, truncate) => {
          const bytes = parts[part]!.slice();
          const damaged = truncate ? bytes.subarray(0, at % bytes.length) : bytes;
          if (!truncate) damaged[at % bytes.length] = value;
          const read = readBoundaryFile('a.zip', zipSync({ ...parts, [part]: damaged }));
          expect(read.ok || read.problems.length > 0).toBe(true);
        },
      ),
    );
  });
});
