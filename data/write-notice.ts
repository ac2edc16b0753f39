/** Usage: `npm run notice` — rewrites NOTICE from data/sources/ after a source changes. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSourceRecords, SOURCES_DIR } from './boundaries/sources.ts';
import { renderNotice } from './notice.ts';

const sources = await readSourceRecords(SOURCES_DIR);
await writeFile(
  path.resolve(import.meta.dirname, '..', 'NOTICE'),
  renderNotice([...sources.values()]),
);
