import type { UnitLevel } from './dataset.ts';
import { foldText } from './import/unit-names.ts';

export interface SearchableUnit {
  level: UnitLevel;
  code: string;
  name: string;
}

/** Unit-type words a name starts with; a search for "lam binh" should not need "huyện". */
const TYPE_PREFIX = /^(thanh pho|thi xa|thi tran|huyen|quan|tinh) /;

/**
 * A search over unit names that ignores diacritics, case and the unit-type word, so
 * "lam binh", "Lâm Bình" and "huyen lam binh" all find Huyện Lâm Bình. Ranked: the whole name,
 * then names starting with the query, then a word starting with it, then (from four letters)
 * anywhere, spaces ignored ("lambinh"); provinces before districts, then alphabetically.
 */
export function createUnitSearch<U extends SearchableUnit>(
  units: readonly U[],
): (query: string, limit?: number) => U[] {
  const collator = new Intl.Collator('vi');
  const index = units
    .map((unit) => {
      const full = foldText(unit.name);
      const plain = full.replace(TYPE_PREFIX, '');
      return { unit, full, plain, compact: full.replaceAll(' ', '') };
    })
    .sort(
      (a, b) =>
        (a.unit.level === 'province' ? 0 : 1) - (b.unit.level === 'province' ? 0 : 1) ||
        collator.compare(a.unit.name, b.unit.name),
    );
  return (query, limit = 10) => {
    const q = foldText(query);
    if (q === '') return [];
    const compactQuery = q.replaceAll(' ', '');
    const rank = ({ full, plain, compact }: (typeof index)[number]) =>
      plain === q || full === q
        ? 0
        : plain.startsWith(q) || full.startsWith(q)
          ? 1
          : plain.includes(` ${q}`)
            ? 2
            : compactQuery.length >= 4 && compact.includes(compactQuery)
              ? 3
              : -1;
    const hits = index.map((entry) => ({ entry, rank: rank(entry) })).filter((h) => h.rank >= 0);
    // A stable sort keeps the index's provinces-first, alphabetical order within a rank.
    return hits
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit)
      .map((h) => h.entry.unit);
  };
}
