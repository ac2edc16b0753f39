import type { UnitLevel } from '../domain/dataset.ts';
import type { AggregatedValue } from '../domain/eras/aggregate.ts';
import { formatPercent } from '../scales/format.ts';
import { formatMessage } from './format-message.ts';
import type { Locale, MessageKey } from './messages.ts';

/** "Số liệu phủ một phần: phủ 7/18 huyện cũ (39 %)", or "full coverage", in the reader's language. */
export function describeCoverage(
  coverage: AggregatedValue,
  datasetLevel: UnitLevel | undefined,
  t: (key: MessageKey) => string,
  locale: Locale,
): string {
  if (!coverage.partial) return t('fullCoverage');
  return `${t('partialCoverage')}: ${formatMessage(t('partialCoverageShare'), {
    covered: coverage.covered,
    total: coverage.total,
    units: t(
      datasetLevel === 'province'
        ? 'oldProvinces'
        : datasetLevel === 'commune'
          ? 'communesOfCoverage'
          : 'oldDistricts',
    ),
    share: formatPercent(coverage.share * 100, locale, 0),
  })}`;
}
