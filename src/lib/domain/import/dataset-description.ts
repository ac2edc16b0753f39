import type { DatasetKind, PovertyStandard } from '../dataset.ts';

/**
 * What a person says about an imported dataset before it is saved. Its kind, standard and year
 * start unchosen: a guess would put a plan among outcomes or a review among survey estimates, and
 * the credit would name a source nobody gave.
 */
export interface DatasetDescription {
  title: string;
  /** The document or place the figures come from; the credit names it. */
  documentTitle: string;
  documentNumber: string;
  documentDate: string;
  issuer: string;
  standard: PovertyStandard | null;
  kind: DatasetKind | null;
  year: number | null;
  licence: string;
  notes: string;
}

/** A description's fields a dataset cannot be saved without. */
export type RequiredField = 'title' | 'documentTitle' | 'kind' | 'standard' | 'year';

export const YEAR_RANGE = { min: 1990, max: 2100 } as const;

export function emptyDescription(): DatasetDescription {
  return {
    title: '',
    documentTitle: '',
    documentNumber: '',
    documentDate: '',
    issuer: '',
    standard: null,
    kind: null,
    year: null,
    licence: '',
    notes: '',
  };
}

/** The required fields still missing, in the form's order; empty when it can be saved. */
export function missingFields(d: DatasetDescription): RequiredField[] {
  const missing: RequiredField[] = [];
  if (!d.title.trim()) missing.push('title');
  if (!d.documentTitle.trim()) missing.push('documentTitle');
  if (d.standard === null) missing.push('standard');
  if (d.kind === null) missing.push('kind');
  const year = d.year;
  if (year === null || !Number.isInteger(year) || year < YEAR_RANGE.min || year > YEAR_RANGE.max) {
    missing.push('year');
  }
  return missing;
}
