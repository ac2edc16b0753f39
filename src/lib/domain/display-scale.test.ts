import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayScaleFor, MAX_DISPLAY_SCALE } from './display-scale.ts';

describe('displayScaleFor', () => {
  it('is 1 when not presenting, whatever the screen', () => {
    fc.assert(fc.property(fc.double(), (width) => displayScaleFor(false, width) === 1));
  });

  it('doubles type and labels on a 1920 px projector and keeps a laptop at least at 1', () => {
    expect(displayScaleFor(true, 1920)).toBe(2);
    expect(displayScaleFor(true, 1280)).toBeGreaterThan(1);
    expect(displayScaleFor(true, 390)).toBe(1);
  });

  it('never shrinks, never passes the cap, and grows with the screen', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20_000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (a, extra) => {
          const small = displayScaleFor(true, a);
          const large = displayScaleFor(true, a + extra);
          return small >= 1 && large <= MAX_DISPLAY_SCALE && large >= small;
        },
      ),
    );
  });

  it('falls back to 1 for a width that is not a number', () => {
    expect(displayScaleFor(true, Number.NaN)).toBe(1);
    expect(displayScaleFor(true, -5)).toBe(1);
  });
});
