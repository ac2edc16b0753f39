import { MESSAGES, type Locale, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'atlas:locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** The UI language, remembered across visits; Vietnamese unless the person chose English. */
class I18n {
  locale = $state<Locale>(initialLocale());

  t = (key: MessageKey): string => MESSAGES[this.locale][key];

  setLocale(locale: Locale): void {
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
