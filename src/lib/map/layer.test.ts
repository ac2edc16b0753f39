import { describe, expect, it } from 'vitest';
import { scaledTextSize } from './layer.ts';

describe('scaledTextSize', () => {
  it('scales a constant size and every stop of a zoom ramp, keeping the zooms', () => {
    expect(scaledTextSize(11.5, 2)).toBe(23);
    expect(
      scaledTextSize(
        [
          [5, 10],
          [9, 15],
        ],
        2,
      ),
    ).toEqual(['interpolate', ['linear'], ['zoom'], 5, 20, 9, 30]);
    expect(scaledTextSize([[7.5, 10]], 1)).toEqual(['interpolate', ['linear'], ['zoom'], 7.5, 10]);
  });
});
