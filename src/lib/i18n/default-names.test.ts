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

  it('never changes a name that does not start with a default', () => {
    const defaults = [vi, en].flatMap((m) => [
      m.scenarioNewName,
      m.slidesDefaultName,
      m.priorityDefaultRuleName,
    ]);
    fc.assert(
      fc.property(fc.string(), (name) => {
        fc.pre(!defaults.some((d) => name.startsWith(d)));
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
