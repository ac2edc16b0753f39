import { en } from './messages-en.ts';
import { vi, type Locale, type Messages } from './messages.ts';

/**
 * Both languages at once, for code that runs only after a view has opened or in a worker (import
 * problems, open-data files): it writes text in a language chosen per call, not the UI's.
 */
export const MESSAGES: Record<Locale, Messages> = { vi, en };
