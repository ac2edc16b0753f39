import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonDepthExceeded, longJsonStringOffset, longXmlTexts, scanJson } from './limits.ts';

describe('scanJson', () => {
  it('finds a key said twice in one object, with the path to that object', () => {
    const text = '[{"a":1},{"rate_start":5,"b":"rate_start","rate_start":7}]';
    expect(scanJson(text)).toEqual({
      tooDeepAt: -1,
      duplicate: { key: 'rate_start', path: [1], offset: text.lastIndexOf('"rate_start"') },
      tooLong: null,
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
    expect(scanJson(deep, { limit: 64 })).toEqual({
      tooDeepAt: at,
      duplicate: expect.anything(),
      tooLong: null,
    });
    expect(jsonDepthExceeded(deep, 64)).toBe(at);
    expect(jsonDepthExceeded('[{"a":1,"a":2}]')).toBe(-1);
  });

  it('stops at the first string longer than the text limit (a key said twice after it is not read), with its path', () => {
    const long = 'x'.repeat(11);
    const text = `{"features":[{"properties":{"ma":"071"}},{"properties":{"ten":"${long}","a":1,"a":2}}]}`;
    expect(scanJson(text, { textLimit: 10 })).toEqual({
      tooDeepAt: -1,
      duplicate: null,
      tooLong: {
        path: ['features', 1, 'properties', 'ten'],
        isKey: false,
        offset: text.indexOf(`"${long}"`),
      },
    });
    expect(scanJson(`[{"${long}":1}]`, { textLimit: 10 }).tooLong).toMatchObject({ isKey: true });
    // Ten characters are within the limit, however they are written (\u0078 is "x").
    const escaped = `["${'\\u0078'.repeat(10)}", "\\"${'y'.repeat(9)}"]`;
    expect(JSON.parse(escaped).map((s: string) => s.length)).toEqual([10, 10]);
    expect(scanJson(escaped, { textLimit: 10 }).tooLong).toBeNull();
    expect(scanJson(`["${long}"]`).tooLong).toBeNull();
  });

  it('finds a string over the limit in UTF-8 bytes as the text scan does (never one it does not)', () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const bmp = fc.string({
      unit: fc.constantFrom('a', 'ệ', 'Đ', '"', '\\', '\n', '\u0001', '€', ' '),
      maxLength: 12,
    });
    const values = (text: fc.Arbitrary<string>) =>
      fc.array(fc.dictionary(text, fc.oneof(text, fc.integer())), { maxLength: 4 });
    fc.assert(
      fc.property(values(bmp), fc.integer({ min: 1, max: 8 }), (list, limit) => {
        const text = JSON.stringify(list);
        const found = scanJson(text, { textLimit: limit }).tooLong;
        const at = longJsonStringOffset(utf8(text), limit);
        expect(at >= 0).toBe(found !== null);
        if (found)
          expect(new TextDecoder().decode(utf8(text).subarray(0, at)).length).toBe(found.offset);
      }),
      { numRuns: 200 },
    );
    // Characters outside the BMP are two UTF-16 units: the bytes may count them short, not long.
    fc.assert(
      fc.property(
        values(fc.string({ unit: 'binary', maxLength: 12 })),
        fc.integer({ min: 1, max: 8 }),
        (list, limit) => {
          const text = JSON.stringify(list);
          if (longJsonStringOffset(utf8(text), limit) >= 0) {
            expect(scanJson(text, { textLimit: limit }).tooLong).not.toBeNull();
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

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

describe('longXmlTexts', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const contents = (xml: string, limit: number) => {
    const bytes = utf8(xml);
    const decode = (a: number, b: number) => new TextDecoder().decode(bytes.subarray(a, b));
    return longXmlTexts(bytes, limit).map(({ start, end }) => decode(start, end));
  };

  it('finds the <t> elements whose text is over the limit, with or without a prefix or attributes', () => {
    const xml =
      '<sst><si><t>abcdef</t></si><si><t xml:space="preserve">abcdefg</t></si>' +
      '<si><r><rPr><b/></rPr><x:t a=">">ệệệệệệệ</x:t></r></si><si><tx>abcdefgh</tx></si>' +
      '<si><t/></si><si><v>abcdefgh</v></si></sst>';
    expect(contents(xml, 6)).toEqual(['abcdefg', 'ệệệệệệệ']);
    expect(contents(xml, 7)).toEqual([]);
  });

  it('counts an entity or an _xHHHH_ escape as one character, and text in CDATA not at all', () => {
    expect(contents('<t>&amp;&lt;&#x41;_x000D_a</t>', 5)).toEqual([]);
    expect(contents('<t>&amp;&lt;&#x41;_x000D_ab</t>', 5)).toEqual(['&amp;&lt;&#x41;_x000D_ab']);
    expect(contents('<t>_x00ZZ_</t>', 6)).toEqual(['_x00ZZ_']);
    expect(contents('<t><![CDATA[abcdefgh]]></t>', 3)).toEqual([]);
  });

  it('counts a text short, never long, as an XML reader reads it', () => {
    // What each unit reads as: entities and _xHHHH_ escapes once decoded.
    const units: [string, string][] = [
      ['a', 'a'],
      ['ệ', 'ệ'],
      ['&amp;', '&'],
      ['&lt;', '<'],
      ['&#x1F600;', '😀'],
      ['😀', '😀'],
      ['_x0041_', 'A'],
      ['_x005F_x0041_', '_x0041_'],
      [' ', ' '],
      ['"', '"'],
    ];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...units), { maxLength: 12 }), { maxLength: 4 }),
        fc.integer({ min: 1, max: 10 }),
        (texts, limit) => {
          const xml = `<sst>${texts.map((t) => `<si><t>${t.map(([w]) => w).join('')}</t></si>`).join('')}</sst>`;
          const read = texts.map((t) => t.map(([, r]) => r).join(''));
          const found = contents(xml, limit);
          // Over the limit as read: found, unless characters outside the BMP (one each, here).
          const long = read.filter((r) => [...r].length > limit);
          expect(found.length).toBe(long.length);
          expect(read.filter((r) => r.length > limit).length).toBeGreaterThanOrEqual(found.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
