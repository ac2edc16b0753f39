import { mkdtemp, readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderNotice } from '../notice.ts';
import {
  creditsOf,
  encodeSourceFile,
  parseSourceRecord,
  readSourceFile,
  readSourceRecords,
  SOURCE_RECORD_FILE,
  SOURCES_DIR,
} from './sources.ts';

const RECORD = {
  id: 'demo',
  title: 'Demo',
  what: { vi: 'Thử', en: 'Demo' },
  licence: 'MIT',
  attribution: 'Demo, MIT',
  url: 'https://example.org',
  changes: 'None.',
  version: '1',
  derived: ['generated/demo.json'],
};

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(path);
  let total = 0;
  for (const entry of entries) total += await sizeOf(join(path, entry));
  return total;
}

describe('data/sources/ as committed', () => {
  it('every folder has its LICENSE, a SOURCE.md and a valid source.json naming the folder', async () => {
    const records = await readSourceRecords(SOURCES_DIR);
    expect([...records.keys()].sort()).toEqual(
      (await readdir(SOURCES_DIR, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    );
    for (const id of records.keys()) {
      const license = await readFile(join(SOURCES_DIR, id, 'LICENSE'), 'utf8');
      expect(license.length, `${id}/LICENSE`).toBeGreaterThan(500);
      const readme = await readFile(join(SOURCES_DIR, id, 'SOURCE.md'), 'utf8');
      for (const part of ['Origin', 'Version', 'Licence', 'Changes']) {
        expect(readme, `${id}/SOURCE.md names its ${part}`).toContain(part);
      }
    }
  });

  it('holds each of the three licences the atlas credits, and stays within 15 MB', async () => {
    const records = await readSourceRecords(SOURCES_DIR);
    expect(new Set([...records.values()].map((r) => r.licence))).toEqual(
      new Set(['GPL-3.0', 'CC-BY-SA-4.0', 'MIT']),
    );
    expect(await sizeOf(SOURCES_DIR)).toBeLessThanOrEqual(15 * 1024 * 1024);
  });

  it('NOTICE is the rendering of these records (run `npm run notice` after changing one)', async () => {
    const records = await readSourceRecords(SOURCES_DIR);
    const committed = await readFile(join(SOURCES_DIR, '..', '..', 'NOTICE'), 'utf8');
    expect(committed).toBe(renderNotice([...records.values()]));
    for (const record of records.values()) {
      expect(committed).toContain(record.attribution);
      for (const file of record.derived) expect(committed).toContain(file);
    }
  });
});

describe('readSourceFile', () => {
  it('reads back what encodeSourceFile stored, compressed or not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-source-file-'));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.boolean(), async (text, brotli) => {
        const name = brotli ? 'a.json.br' : 'a.json';
        await writeFile(join(dir, name), encodeSourceFile(name, text));
        expect((await readSourceFile(join(dir, name))).toString('utf8')).toBe(text);
      }),
      { numRuns: 30 },
    );
  });

  it('names the file it cannot read or decompress', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-source-file-'));
    await expect(readSourceFile(join(dir, 'missing.json'))).rejects.toThrow(
      /missing\.json: cannot read/,
    );
    await writeFile(join(dir, 'bad.json.br'), 'not brotli at all');
    await expect(readSourceFile(join(dir, 'bad.json.br'))).rejects.toThrow(
      /bad\.json\.br: cannot decompress/,
    );
  });
});

describe('parseSourceRecord', () => {
  it('keeps what the app shows and refuses a record that cannot credit its source', () => {
    expect(parseSourceRecord(JSON.stringify(RECORD), 'x')).toEqual(RECORD);
    const broken: [object, RegExp][] = [
      [{ ...RECORD, licence: 'Public domain' }, /"licence" must be one of GPL-3.0/],
      [{ ...RECORD, attribution: '' }, /"attribution" must be a non-empty string/],
      [{ ...RECORD, what: { vi: 'Thử' } }, /"what" must say what the source holds/],
      [{ ...RECORD, derived: 'generated/demo.json' }, /"derived" must be a list/],
      [{ ...RECORD, upstream: [{ id: 'up' }] }, /x upstream\[0\]: "title" must be/],
    ];
    for (const [record, message] of broken) {
      expect(() => parseSourceRecord(JSON.stringify(record), 'x')).toThrow(message);
    }
    expect(() => parseSourceRecord('{', 'x')).toThrow(/x: invalid JSON/);
  });
});

describe('readSourceRecords and creditsOf', () => {
  it('refuses a folder whose record has another id, and credits upstream sources too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-sources-'));
    const upstream = { ...RECORD, id: 'up', licence: 'Public reference map' };
    delete (upstream as Partial<typeof RECORD>).what;
    await mkdir(join(dir, 'demo'));
    await writeFile(
      join(dir, 'demo', SOURCE_RECORD_FILE),
      JSON.stringify({ ...RECORD, upstream: [upstream] }),
    );
    const records = await readSourceRecords(dir);
    expect(creditsOf(records, 'demo').map((c) => [c.id, c.licence])).toEqual([
      ['demo', 'MIT'],
      ['up', 'Public reference map'],
    ]);
    // Only credit fields reach the map: no version or file list.
    const [first] = creditsOf(records, 'demo');
    expect(Object.keys(first ?? {}).sort()).toEqual(
      ['attribution', 'changes', 'id', 'licence', 'title', 'url'].sort(),
    );
    expect(() => creditsOf(records, 'absent')).toThrow(/absent: no such source folder/);

    await mkdir(join(dir, 'other'));
    await writeFile(join(dir, 'other', SOURCE_RECORD_FILE), JSON.stringify(RECORD));
    await expect(readSourceRecords(dir)).rejects.toThrow(
      /id "demo" differs from its folder "other"/,
    );
  });
});
