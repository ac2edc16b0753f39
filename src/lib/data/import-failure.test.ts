import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages-en.ts';
import { vi } from '../i18n/messages.ts';
import { importFailureText, type ImportFailure } from './import-failure.ts';

const failure: ImportFailure = {
  during: 'read',
  file: 'huge-cell.csv',
  message: 'Row 3, column “Ghi chú”: a cell longer than 100000 characters',
  key: 'importFile_textTooLongInColumn',
  params: { row: 3, column: 'Ghi chú', limit: 100_000 },
};

describe('importFailureText', () => {
  it('names the file, the row and the column, with the limit written the reader’s way', () => {
    expect(importFailureText(failure, (key) => vi[key], 'vi')).toBe(
      'Không đọc được tệp “huge-cell.csv”: Dòng 3, cột “Ghi chú”: ô dài quá 100.000 ký tự',
    );
    expect(importFailureText(failure, (key) => en[key], 'en')).toBe(
      'Cannot read “huge-cell.csv”: Row 3, column “Ghi chú”: a cell longer than 100,000 characters',
    );
  });

  it('writes row and record numbers as the validation report does, ungrouped', () => {
    const record = {
      ...failure,
      key: 'importFile_textTooLongInRecord' as const,
      params: { record: 1233, row: 1234, key: 'ghi_chu', limit: 100_000 },
    };
    expect(importFailureText(record, (key) => vi[key], 'vi')).toBe(
      'Không đọc được tệp “huge-cell.csv”: Bản ghi 1233 (dòng 1234 của bảng), trường “ghi_chu”: đoạn chữ dài quá 100.000 ký tự',
    );
  });
});
