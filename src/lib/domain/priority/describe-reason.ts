import type { Locale } from '../../i18n/messages.ts';
import { formatCount, formatIndicatorValue } from '../../scales/format.ts';
import { INDICATORS } from '../indicators.ts';
import type { PriorityMember, PriorityReason } from './priority-rule.ts';

const OP_TEXT = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

/** A reason as the priority list states it: `36,03 % ≥ 20,00 %`, `hạng 2/10 cao nhất`, `huyện nghèo`. */
export function describeReason(reason: PriorityReason, locale: Locale): string {
  switch (reason.kind) {
    case 'threshold': {
      const { unit } = INDICATORS[reason.indicator];
      const value = formatIndicatorValue(reason.value, unit, locale);
      return `${value} ${OP_TEXT[reason.op]} ${formatIndicatorValue(reason.threshold, unit, locale)}`;
    }
    case 'top': {
      const rank = `${formatCount(reason.rank, locale)}/${formatCount(reason.n, locale)}`;
      const value = formatIndicatorValue(reason.value, INDICATORS[reason.indicator].unit, locale);
      if (locale === 'vi') {
        return `${value}, hạng ${rank} ${reason.direction === 'highest' ? 'cao nhất' : 'thấp nhất'}`;
      }
      return `${value}, ${rank} ${reason.direction === 'highest' ? 'highest' : 'lowest'}`;
    }
    case 'list':
      return reason.list.reason[locale];
  }
}

export function describeReasons(member: PriorityMember, locale: Locale): string {
  return member.reasons.map((reason) => describeReason(reason, locale)).join('; ');
}
