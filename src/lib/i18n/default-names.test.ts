import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownName } from './default-names.ts';
import { en } from './messages-en.ts';
import { vi } from './messages.ts';

const known = [vi, en];

describe('shownName', () => {
  it('writes each stored Vietnamese default in English and back', () => {
    for (const key of [
      'scenarioNewName',
      'slidesDefaultName',
      'priorityDefaultRuleName',
    ] as const) {
      expect(shownName(vi[key], en, known)).toBe(en[key]);
      expect(shownName(en[key], vi, known)).toBe(vi[key]);
      expect(shownName(vi[key], vi, known)).toBe(vi[key]);
    }
  });

  it('keeps the number and copy marks the atlas adds to a default', () => {
    expect(shownName(`${vi.slidesDefaultName} 3`, en, known)).toBe(`${en.slidesDefaultName} 3`);
    expect(shownName(`${vi.scenarioNewName} ${vi.scenarioCopySuffix}`, en, known)).toBe(
      `${en.scenarioNewName} ${en.scenarioCopySuffix}`,
    );
    expect(
      shownName(
        `${vi.slidesDefaultName} 2 ${vi.scenarioCopySuffix} ${vi.scenarioCopySuffix}`,
        en,
        known,
      ),
    ).toBe(`${en.slidesDefaultName} 2 ${en.scenarioCopySuffix} ${en.scenarioCopySuffix}`);
  });

  it('shows a typed name as typed, even one starting like a default', () => {
    for (const name of [
      'Huyện nghèo 2026',
      `${vi.scenarioNewName} cho Lào Cai`,
      `${vi.slidesDefaultName}2`,
      `${vi.slidesDefaultName} `,
      '',
    ]) {
      expect(shownName(name, en, known)).toBe(name);
    }
  });

  it('writes the copy marks of a copied typed name in the shown language, the name as typed', () => {
    const copy = (name: string, m: typeof vi, n = 1) =>
      [name, ...Array<string>(n).fill(m.scenarioCopySuffix)].join(' ');
    expect(shownName(copy('Kế hoạch Lào Cai', vi), en, known)).toBe(copy('Kế hoạch Lào Cai', en));
    expect(shownName(copy('Huyện nghèo 2026', vi, 2), en, known)).toBe(
      copy('Huyện nghèo 2026', en, 2),
    );
    expect(shownName(copy('Plan', en), vi, known)).toBe(copy('Plan', vi));
    expect(shownName(copy('Kế hoạch', vi), vi, known)).toBe(copy('Kế hoạch', vi));
    // A mark that is not at the end, or not after a space, is part of the typed name.
    for (const name of [
      `${vi.scenarioCopySuffix} Kế hoạch`,
      `Kế hoạch${vi.scenarioCopySuffix}`,
      vi.scenarioCopySuffix,
      ` ${vi.scenarioCopySuffix}`,
    ]) {
      expect(shownName(name, en, known)).toBe(name);
    }
  });

  it('round-trips a copied typed name through both languages', () => {
    const marks = [vi, en].map((m) => ` ${m.scenarioCopySuffix}`);
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.integer({ min: 1, max: 3 }), (name, n) => {
        fc.pre(!marks.some((mark) => name.endsWith(mark)) && name !== ' ');
        const write = (m: typeof vi) =>
          [name, ...Array<string>(n).fill(m.scenarioCopySuffix)].join(' ');
        const shownEn = shownName(write(vi), en, known);
        expect(shownEn.endsWith(` ${en.scenarioCopySuffix}`)).toBe(true);
        expect(shownName(shownEn, vi, known)).toBe(shownName(write(vi), vi, known));
      }),
    );
  });

  it('never changes a name that neither starts with a default nor ends with a copy mark', () => {
    const defaults = [vi, en].flatMap((m) => [
      m.scenarioNewName,
      m.slidesDefaultName,
      m.priorityDefaultRuleName,
    ]);
    const marks = [vi, en].map((m) => ` ${m.scenarioCopySuffix}`);
    fc.assert(
      fc.property(fc.string(), (name) => {
        fc.pre(!defaults.some((d) => name.startsWith(d)));
        fc.pre(!marks.some((mark) => name.endsWith(mark)));
        expect(shownName(name, en, known)).toBe(name);
        expect(shownName(name, vi, known)).toBe(name);
      }),
    );
  });

  it('round-trips a default through both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('scenarioNewName', 'slidesDefaultName', 'priorityDefaultRuleName' as const),
        fc.array(fc.oneof(fc.nat({ max: 99 }).map(String), fc.constant('copy')), { maxLength: 3 }),
        (key, tail) => {
          const write = (m: typeof vi) =>
            [m[key], ...tail.map((t) => (t === 'copy' ? m.scenarioCopySuffix : t))].join(' ');
          expect(shownName(write(vi), en, known)).toBe(write(en));
          expect(shownName(write(en), vi, known)).toBe(write(vi));
        },
      ),
    );
  });
});
