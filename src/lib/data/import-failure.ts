import { formatMessage } from '../i18n/format-message.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import { formatNumber } from '../scales/format.ts';
import { WorkerFailure } from './progress-worker.ts';

/**
 * Why an import stopped, for both wizards: reading the file (its own fault, or the worker's) is
 * not storing it (the browser's storage refused), and the person needs to know which.
 */
export interface ImportFailure {
  during: 'read' | 'save';
  /** The file's name, known before any report is. */
  file: string;
  /** English, as thrown; shown when there is no key. */
  message: string;
  key: MessageKey | null;
  params: Record<string, string | number>;
}

export function importFailure(
  error: unknown,
  during: ImportFailure['during'],
  file: string,
): ImportFailure {
  const failure = error instanceof WorkerFailure ? error : null;
  return {
    during,
    file,
    message: error instanceof Error ? error.message : String(error),
    key: (failure?.key as MessageKey | null) ?? null,
    params: failure?.params ?? {},
  };
}

/** Values that name a row or record, written as the validation report writes them (1234). */
const ROW_KEYS: ReadonlySet<string> = new Set(['row', 'record']);

/**
 * The failure in the reader's language; with `locale`, its numbers as that language writes them
 * (a limit of 100.000 characters in Vietnamese, 100,000 in English).
 */
export function importFailureText(
  failure: ImportFailure,
  t: (key: MessageKey) => string,
  locale?: Locale,
): string {
  const params = Object.fromEntries(
    Object.entries(failure.params).map(([key, value]) => [
      key,
      locale && typeof value === 'number' && !ROW_KEYS.has(key)
        ? formatNumber(value, locale)
        : value,
    ]),
  );
  const detail = failure.key ? formatMessage(t(failure.key), params) : failure.message;
  const template = failure.during === 'save' ? 'saveError' : 'fileError';
  return formatMessage(t(template), { file: failure.file, detail });
}
