import { describe, expect, it } from 'vitest';
import { analyseImport, proposeSettings } from './analyse-import.ts';
import { parseDelimitedText } from './raw-table.ts';
import { TEST_UNITS } from './test-units.ts';
import { createUnitMatcher } from './unit-names.ts';

const matcher = createUnitMatcher(TEST_UNITS);

describe('a duplicated indicator column (#18 wizard)', () => {
  it('names both columns by their spreadsheet letters, so two of one name can be told apart', () => {
    const text = 'Mã huyện,Tên huyện,Số hộ nghèo,Số hộ nghèo\n071,Lâm Bình,10,12\n';
    const raw = parseDelimitedText(text);
    const settings = proposeSettings(raw, matcher);
    expect(settings.columns.slice(2)).toEqual(['poor_start', 'poor_start']);
    const problem = analyseImport(raw, settings, matcher).problems.find(
      (p) => p.kind === 'duplicate-column',
    );
    expect(problem?.params).toMatchObject({
      other: 'Số hộ nghèo (C)',
      column: 'Số hộ nghèo (D)',
    });
    expect(problem?.message).toContain('Số hộ nghèo (C)');
    expect(problem?.message).toContain('Số hộ nghèo (D)');
  });
});
