import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultScenario } from './scenario-definition.ts';
import {
  encodeScenarioForUrl,
  MAX_SHARE_LENGTH,
  scenarioFromHash,
  scenarioShareHash,
} from './scenario-share.ts';

describe('scenario links', () => {
  const definition = createDefaultScenario({
    name: 'Tuyên Quang — giảm 2,06 điểm',
    baseDatasetId: 'tq',
    startYear: 2020,
  });

  it('round-trips a scenario, Vietnamese text included', () => {
    const hash = scenarioShareHash(definition, null);
    expect(hash).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
    expect(scenarioFromHash(hash)).toEqual({ kind: 'scenario', definition, version: null });
  });

  it("carries the base dataset's version, so a changed dataset can be told", () => {
    const hash = scenarioShareHash(definition, '0123456789abcd');
    expect(hash).toMatch(/^#scenario=[A-Za-z0-9_-]+&v=0123456789abcd$/);
    expect(scenarioFromHash(hash)).toEqual({
      kind: 'scenario',
      definition,
      version: '0123456789abcd',
    });
  });

  it('round-trips any scenario name and version', () => {
    fc.assert(
      fc.property(
        // Any one-line name up to the limit, Vietnamese and astral characters included.
        fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) =>
          // eslint-disable-next-line no-control-regex
          s.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120),
        ),
        fc.option(fc.stringMatching(/^[0-9a-f]{14}$/), { nil: null }),
        (name, version) => {
          const named = { ...definition, name };
          const read = scenarioFromHash(scenarioShareHash(named, version));
          expect(read).toEqual({ kind: 'scenario', definition: named, version });
        },
      ),
    );
  });

  it('ignores other hashes', () => {
    expect(scenarioFromHash('')).toEqual({ kind: 'none' });
    expect(scenarioFromHash('#table')).toEqual({ kind: 'none' });
  });

  it.each([
    ['not base64url', '#scenario=<img src=x>'],
    ['not JSON', `#scenario=${btoa('{"version":').replace(/=+$/, '')}`],
    ['invalid UTF-8', `#scenario=${btoa('\xff\xfe').replace(/=+$/, '')}`],
    ['too long', `#scenario=${'A'.repeat(MAX_SHARE_LENGTH + 1)}`],
    ['a hostile definition', `#scenario=${encodeScenarioForUrl({ ...definition, years: 1e9 })}`],
    ['a bad version', `${scenarioShareHash(definition, null)}&v=XYZ`],
    ['an unknown parameter', `${scenarioShareHash(definition, null)}&x=1`],
    ['two versions', `${scenarioShareHash(definition, '0123456789abcd')}&v=0123456789abcd`],
  ])('reports a link that is %s as invalid', (_, hash) => {
    const shared = scenarioFromHash(hash);
    expect(shared.kind).toBe('invalid');
  });
});
