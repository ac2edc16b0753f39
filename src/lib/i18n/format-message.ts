const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;
// Plural forms are written only in the English messages: Vietnamese has none.
const englishPlural = new Intl.PluralRules('en');

/** The number a placeholder's value stands for: a count, or a count already formatted. */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[^\d-]/g, ''));
}

/**
 * Fills `{name}` placeholders of a message: `formatMessage('Bước {n}/5', { n: 2 })`. A plural
 * choice `{n, plural, one {# error} other {# errors}}` takes the form the count asks for in
 * English, `#` standing for the count as given.
 */
export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template
    .replace(PLURAL, (whole, key: string, one: string, other: string) => {
      if (!(key in params)) return whole;
      const value = params[key]!;
      const form = englishPlural.select(countOf(value)) === 'one' ? one : other;
      return form.replace(/#/g, String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** The parts of a line that are there, joined: no separator stands beside an empty part. */
export function joinPresent(
  parts: readonly (string | null | undefined)[],
  separator = ' · ',
): string {
  return parts
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(separator);
}
