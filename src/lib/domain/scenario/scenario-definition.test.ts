import { describe, expect, it } from 'vitest';
import {
  createDefaultScenario,
  parseScenarioDefinition,
  ScenarioDefinitionError,
} from './scenario-definition.ts';

const valid = () =>
  JSON.parse(
    JSON.stringify(
      createDefaultScenario({
        baseDatasetId: 'tuyen-quang-2020-plan',
        scope: { kind: 'province', provinceCode: '08' },
        startYear: 2020,
        years: 5,
      }),
    ),
  ) as Record<string, unknown>;

describe('parseScenarioDefinition', () => {
  it('accepts a default scenario and returns an equal, fresh object', () => {
    const input = valid();
    const parsed = parseScenarioDefinition(input);
    expect(parsed).toEqual(input);
    expect(parsed).not.toBe(input);
  });

  it('reads programmes saved before they were costed as costing nothing, and keeps their source', () => {
    const input = valid();
    input.budget = {
      costPerExit: 50,
      programmes: [
        { name: 'Dự án 2', amountPerYear: 118018, eligible: 'all' },
        {
          name: 'Dự án 1',
          amountPerYear: 86373,
          eligible: 'poor-district',
          costPerExit: 128.5,
          source: {
            datasetId: 'tuyen-quang-2020-budget',
            indicator: 'budget_p1',
            slip: { stated: 79381, partsSum: 86373, extra: 1 },
          },
        },
      ],
    };
    const { programmes } = parseScenarioDefinition(input).budget;
    expect(programmes[0]!.costPerExit).toBe(0);
    expect(programmes[1]).toEqual({
      name: 'Dự án 1',
      amountPerYear: 86373,
      eligible: 'poor-district',
      costPerExit: 128.5,
      source: {
        datasetId: 'tuyen-quang-2020-budget',
        indicator: 'budget_p1',
        slip: { stated: 79381, partsSum: 86373 },
      },
    });
    (input.budget as { programmes: Record<string, unknown>[] }).programmes[1]!.costPerExit = -1;
    expect(() => parseScenarioDefinition(input)).toThrow('budget.programmes[1].costPerExit');
  });

  it('keeps unit settings and drops unknown fields', () => {
    const input = valid();
    input.units = {
      '071': { target: { households: 282 }, locked: true, groups: ['poor-district'], extra: 1 },
    };
    input.extra = '<script>';
    const parsed = parseScenarioDefinition(input);
    expect(parsed.units['071']).toEqual({
      target: { households: 282 },
      locked: true,
      groups: ['poor-district'],
    });
    expect('extra' in parsed).toBe(false);
  });

  it.each([
    ['version', (d: Record<string, unknown>) => (d.version = 2), /version/],
    ['a name too long', (d: Record<string, unknown>) => (d.name = 'x'.repeat(121)), /^name:/],
    [
      'a name with control characters',
      (d: Record<string, unknown>) => (d.name = 'a\u0000b'),
      /control/,
    ],
    [
      'NaN',
      (d: Record<string, unknown>) => (d.floorRate = Number.NaN),
      /floorRate: expected a number/,
    ],
    [
      'a string number',
      (d: Record<string, unknown>) => (d.years = '5'),
      /years: expected a number/,
    ],
    ['too many years', (d: Record<string, unknown>) => (d.years = 11), /years: 11 is outside/],
    [
      'an unknown rule',
      (d: Record<string, unknown>) => (d.rule = 'magic'),
      /rule: expected one of/,
    ],
    [
      'a bad dataset id',
      (d: Record<string, unknown>) => (d.baseDatasetId = '../x'),
      /baseDatasetId/,
    ],
    [
      'a bad province',
      (d: Record<string, unknown>) => (d.scope = { kind: 'province', provinceCode: 'ab' }),
      /scope.provinceCode/,
    ],
    [
      'a target year outside the horizon',
      (d: Record<string, unknown>) => (d.target = { kind: 'final-rate', rate: 5, year: 2030 }),
      /target.year/,
    ],
    [
      'a reversed range',
      (d: Record<string, unknown>) =>
        ((d.uncertainty as Record<string, unknown>).newPoorPercent = [3, 1]),
      /low 3 is above high 1/,
    ],
    [
      'a prototype key',
      (d: Record<string, unknown>) => (d.units = JSON.parse('{"__proto__": {"locked": true}}')),
      /units key/,
    ],
    [
      'too many draws',
      (d: Record<string, unknown>) => ((d.uncertainty as Record<string, unknown>).draws = 1e9),
      /draws/,
    ],
    [
      'an array for an object',
      (d: Record<string, unknown>) => (d.flows = []),
      /flows: expected an object, got an array/,
    ],
  ])('rejects %s, naming the field', (_, mutate, message) => {
    const input = valid();
    mutate(input);
    expect(() => parseScenarioDefinition(input)).toThrow(ScenarioDefinitionError);
    expect(() => parseScenarioDefinition(input)).toThrow(message);
  });

  it('rejects what is not an object at all', () => {
    for (const value of [null, undefined, 42, 'scenario', []]) {
      expect(() => parseScenarioDefinition(value)).toThrow(ScenarioDefinitionError);
    }
  });
});
