/**
 * NOTICE: which third-party data the atlas ships, under which licence, and which files of `dist/`
 * derive from each source. Rendered from the same `data/sources/<id>/source.json` records as the
 * map credits and the open-data page, so the three cannot drift apart; a test checks that the
 * committed NOTICE is this rendering. Rewrite it with `npm run notice`.
 */
import type { DataSource } from '../src/lib/data/atlas-index.ts';

const PREAMBLE = `Bản đồ giảm nghèo Việt Nam — Vietnam Poverty Reduction Atlas

The code of this project is under the MIT License (LICENSE). The data it ships is not all
under that licence: the boundary files below are third-party data, kept in data/sources/<id>/
with their own LICENSE and SOURCE.md. Every file of dist/ derived from a source keeps that
source's licence; a file derived from several sources keeps all of their terms (CC BY-SA 4.0
is one-way compatible with GPL-3.0, so the 2019 boundaries as a whole are shared under GPL-3.0).

This file is generated from data/sources/*/source.json by \`npm run notice\`; do not edit it.`;

const POSTSCRIPT = `Figures (data/seeds/, data/national/): quoted from Vietnamese state administrative documents
and statistical publications, which are not protected by copyright (Article 15 of the Law on
Intellectual Property); each figure names its source document, and reuse should cite it.

Font: Noto Sans, SIL Open Font License 1.1, shipped in dist/assets/ through @fontsource/noto-sans.`;

function renderSource(source: DataSource): string {
  const lines = [
    `${source.id} — ${source.title}`,
    `  Licence:     ${source.licence} (data/sources/${source.id}/LICENSE)`,
    `  Credit:      ${source.attribution}`,
    `  Origin:      ${source.url}`,
    `  Version:     ${source.version}`,
    `  Changes:     ${source.changes}`,
    `  In dist/:    ${source.derived.join(', ')}`,
  ];
  for (const upstream of source.upstream ?? []) {
    lines.push(`  Derived from: ${upstream.title} (${upstream.url}; ${upstream.licence})`);
  }
  return lines.join('\n');
}

export function renderNotice(sources: readonly DataSource[]): string {
  const sorted = [...sources].sort((a, b) => a.id.localeCompare(b.id));
  return [PREAMBLE, ...sorted.map(renderSource), POSTSCRIPT].join('\n\n') + '\n';
}
