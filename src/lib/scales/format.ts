import type { Locale } from '../i18n/messages.ts';
import type { IndicatorUnit } from '../domain/indicators.ts';

const NUMBER_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[locale], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, format);
  }
  return format;
}

/** `210.299` in Vietnamese, `210,299` in English. */
export function formatCount(value: number, locale: Locale): string {
  return numberFormat(locale, 0).format(value);
}

/** `11,80 %` in Vietnamese (the documents' own style), `11.80 %` in English. */
export function formatPercent(value: number, locale: Locale, digits = 2): string {
  return `${numberFormat(locale, digits).format(value)}\u00a0%`;
}

/** A bare figure with fixed decimals, as an annex table writes rates: `11,80` / `11.80`. */
export function formatFixed(value: number, locale: Locale, digits: number): string {
  return numberFormat(locale, digits).format(value);
}

/** A change in percentage points: `2,06 điểm` / `2.06 pp`. */
export function formatPoints(value: number, locale: Locale, digits = 2): string {
  return `${numberFormat(locale, digits).format(value)}\u00a0${locale === 'vi' ? 'điểm' : 'pp'}`;
}

/** A multiple of a reference rate: `1,35 ×` / `1.35 ×`. */
export function formatRatio(value: number, locale: Locale): string {
  return `${numberFormat(locale, 2).format(value)}\u00a0×`;
}

export function formatIndicatorValue(value: number, unit: IndicatorUnit, locale: Locale): string {
  switch (unit) {
    case 'percent':
      return formatPercent(value, locale);
    case 'points':
      return formatPoints(value, locale);
    case 'households':
    case 'people':
      return formatCount(value, locale);
    case 'million-vnd':
      return `${formatCount(value, locale)}\u00a0${locale === 'vi' ? 'triệu đồng' : 'million VND'}`;
    case 'ratio':
      return formatRatio(value, locale);
  }
}

/** A bare number in the unit's precision, for legend ranges. */
export function formatBreak(value: number, unit: IndicatorUnit, locale: Locale): string {
  const whole = unit === 'households' || unit === 'people' || unit === 'million-vnd';
  return numberFormat(locale, whole || Number.isInteger(value) ? 0 : 2).format(value);
}

/** A figure as written in a message: grouped, up to four decimals (`210.299`, `36,0278`). */
export function formatNumber(value: number, locale: Locale): string {
  const key = `${locale}:message`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[locale], { maximumFractionDigits: 4 });
    formatters.set(key, format);
  }
  return format.format(value);
}

const DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  vi: new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
};

/** A calendar date as documents write it: `22/11/2026`, `22 November 2026`. */
export function formatDate(date: Date, locale: Locale): string {
  return DATE_FORMATS[locale].format(date);
}
