import { describe, expect, it } from 'vitest';
import { roundForExport } from './round-for-export.ts';

describe('roundForExport', () => {
  it('writes households whole, keeping their total', () => {
    const exits: [string, number][] = [
      ['071', 261.18],
      ['072', 390.41],
      ['073', 818.41],
    ];
    const rounded = roundForExport(exits, 'households');
    expect(rounded).toEqual([
      ['071', 261],
      ['072', 391],
      ['073', 818],
    ]);
    expect(rounded.reduce((s, [, v]) => s + v, 0)).toBe(1470);
  });

  it('writes rates and points to two decimals', () => {
    expect(roundForExport([['071', 1.0071154898741106]], 'percent')).toEqual([['071', 1.01]]);
    expect(roundForExport([['071', -2.0449]], 'points')).toEqual([['071', -2.04]]);
  });
});
