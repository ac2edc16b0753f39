import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepthExceeded, scanJson } from './limits.ts';

describe('scanJson', () => {
  it('finds a key said twice in one object, with the path to that object', () => {
    const text = '[{"a":1},{"rate_start":5,"b":"rate_start","rate_start":7}]';
    expect(scanJson(text)).toEqual({
      tooDeepAt: -1,
      duplicate: { key: 'rate_start', path: [1], offset: text.lastIndexOf('"rate_start"') },
    });
    const nested = '{"features":[{"properties":{"ma":"071"}},{"properties":{"ma":1,"ma":2}}]}';
    expect(scanJson(nested).duplicate).toMatchObject({
      key: 'ma',
      path: ['features', 1, 'properties'],
    });
  });

  it('reads keys as JSON.parse does, and keys of different objects apart', () => {
    expect(scanJson('{"a":1,"\\u0061":2}').duplicate).toMatchObject({ key: 'a', path: [] });
    expect(scanJson('{"a\\"b":1,"a":{"a":2},"x":["a","a"],"y":"a"}').duplicate).toBeNull();
    expect(scanJson('{"a":1,"b":{"a":{"c":1}},"c":1}').duplicate).toBeNull();
  });

  it('stops at the depth limit, which wins over a duplicate key', () => {
    const deep = `{"a":1,"a":${'['.repeat(100)}${']'.repeat(100)}}`;
    // The object is level 1, so the 64th bracket opens level 65.
    const at = deep.indexOf('[') + 63;
    expect(scanJson(deep, { limit: 64 })).toEqual({ tooDeepAt: at, duplicate: expect.anything() });
    expect(jsonDepthExceeded(deep, 64)).toBe(at);
    expect(jsonDepthExceeded('[{"a":1,"a":2}]')).toBe(-1);
  });

  it('finds no duplicate in JSON.stringify output, and finds any one added', () => {
    const records = fc.array(fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue()), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(records, fc.nat(), fc.nat(), (list, r, k) => {
        const text = JSON.stringify(list);
        expect(scanJson(text).duplicate).toBeNull();
        const i = r % list.length;
        const keys = Object.keys(list[i]!);
        if (keys.length === 0) return;
        const key = keys[k % keys.length]!;
        // The record written again with the key repeated at its end.
        const body = JSON.stringify(list[i]).slice(0, -1);
        const twice = `${body},${JSON.stringify(key)}:0}`;
        const items = list.map((item, j) => (j === i ? twice : JSON.stringify(item)));
        expect(scanJson(`[${items.join(',')}]`).duplicate).toMatchObject({ key, path: [i] });
      }),
      { numRuns: 300 },
    );
  });
});
