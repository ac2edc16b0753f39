import type { SourceDocument } from '../dataset.ts';
import type { MapEra } from '../eras/era.ts';

/**
 * The credits of a map: the data's source and every boundary source the map shows — the 2019 or
 * 2025 boundaries, whichever era is drawn, and an imported boundary set when one is shown. One
 * list for the map's footer, the exported PNG and the print, so none of them forgets one.
 */
export interface CreditInput {
  /** The shown dataset, with its kind as the reader's language names it (survey, review…). */
  dataset: { source: SourceDocument; kindLabel?: string } | null;
  era: MapEra;
  boundaries2019: readonly { id?: string; attribution: string }[];
  boundaries2025: readonly { id?: string; attribution: string }[];
  /** The imported boundary set drawn over the map, with the file it came from. */
  userBoundary: { name: string; sourceFile: string } | null;
}

export interface CreditLabels {
  data: string;
  boundaries: string;
  sources2025: string;
  userBoundaryCredit: string;
  /** A boundary source's credit in the reader's language, by source id (the data build writes
   *  Vietnamese credits); a source not named here keeps its own. */
  attributions?: Readonly<Record<string, string>>;
}

export interface CreditLine {
  kind: 'data' | 'boundaries' | 'user-boundaries';
  text: string;
}

export function creditLines(input: CreditInput, labels: CreditLabels): CreditLine[] {
  const lines: CreditLine[] = [];
  const { dataset } = input;
  if (dataset) {
    const number = dataset.source.number ? ` (${dataset.source.number})` : '';
    // The kind travels with every image and print: a survey estimate is never read as a review.
    const kind = dataset.kindLabel ? ` (${dataset.kindLabel})` : '';
    // An issuer or title left blank (an import that did not say) is left out, never ", …".
    const named = [dataset.source.issuer, dataset.source.title]
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join(', ');
    if (named !== '' || number !== '') {
      lines.push({
        kind: 'data',
        text: `${labels.data}${kind}: ${named}${named === '' ? number.trim() : number}.`,
      });
    }
  }
  const [label, sources] =
    input.era === '2025'
      ? [labels.sources2025, input.boundaries2025]
      : [labels.boundaries, input.boundaries2019];
  if (sources.length > 0) {
    lines.push({
      kind: 'boundaries',
      text: `${label}: ${sources
        .map((s) => (s.id !== undefined && labels.attributions?.[s.id]) || s.attribution)
        .join('; ')}.`,
    });
  }
  if (input.userBoundary) {
    const { name, sourceFile } = input.userBoundary;
    lines.push({
      kind: 'user-boundaries',
      text: `${labels.userBoundaryCredit}: ${name} (${sourceFile}).`,
    });
  }
  return lines;
}

/**
 * The boundary sources' credits in the reader's language: for each source with an id, the message
 * `credit_<id>` when the message tables have one (`lookup` gives null when they do not).
 */
export function boundaryAttributions(
  sources: readonly { id?: string }[],
  lookup: (key: string) => string | null,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const { id } of sources) {
    if (id === undefined) continue;
    const text = lookup(`credit_${id}`);
    if (text) found[id] = text;
  }
  return found;
}
