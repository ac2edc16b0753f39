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
    const hash = scenarioShareHash(definition);
    expect(hash).toMatch(/^#scenario=[A-Za-z0-9_-]+$/);
    expect(scenarioFromHash(hash)).toEqual({ kind: 'scenario', definition });
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
  ])('reports a link that is %s as invalid', (_, hash) => {
    const shared = scenarioFromHash(hash);
    expect(shared.kind).toBe('invalid');
  });
});
