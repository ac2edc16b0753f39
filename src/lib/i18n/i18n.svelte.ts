import { shownName } from './default-names.ts';
import { vi, type Locale, type MessageKey, type Messages } from './messages.ts';

const STORAGE_KEY = 'atlas:locale';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** A text in both languages, as map measures and scenario outcomes carry their names. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/**
 * The UI language, remembered across visits; Vietnamese unless the person chose English. The
 * English messages are a separate file, fetched when first chosen: most readers never need them.
 */
class I18n {
  /** Becomes `en` only once the English messages are here. */
  locale = $state<Locale>('vi');
  #english = $state.raw<Messages | null>(null);

  constructor() {
    if (storedLocale() === 'en') void this.setLocale('en');
  }

  t = (key: MessageKey): string => this.messages(this.locale)[key];

  /**
   * A stored name as shown: the names the atlas gives by default (new scenario, deck, first
   * priority rule; stored in Vietnamese) and the copy mark of a copied name follow the UI
   * language, a typed name stays as typed.
   */
  name = (stored: string): string =>
    shownName(stored, this.messages(this.locale), this.#english ? [vi, this.#english] : [vi]);

  /** One language's messages; English reads as Vietnamese until its file has arrived. */
  messages(locale: Locale): Messages {
    return (locale === 'en' && this.#english) || vi;
  }

  /** Both languages of a message, looked up when read, so the English follows once loaded. */
  bilingual(key: MessageKey): Bilingual {
    const messages = (locale: Locale) => this.messages(locale);
    return {
      vi: vi[key],
      get en() {
        return messages('en')[key];
      },
    };
  }

  async setLocale(locale: Locale): Promise<void> {
    if (locale === 'en' && !this.#english) {
      try {
        this.#english = (await import('./messages-en.ts')).en;
      } catch {
        // Offline before the file was ever cached: the page stays in Vietnamese.
        return;
      }
    }
    this.locale = locale;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
  }
}

export const i18n = new I18n();
