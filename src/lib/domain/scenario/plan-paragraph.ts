import type { Locale } from '../../i18n/messages.ts';
import { formatCount, formatFixed, formatPercent } from '../../scales/format.ts';
import type { BudgetBreakdown } from './programme-budget.ts';
import type { ScenarioResult, UnitOutcome } from './project-scenario.ts';
import type { ScenarioDefinition } from './scenario-definition.ts';

/**
 * The paragraph a planner pastes into the plan: the target, the units that carry it, the budget
 * against what is available, and how likely the target is from the Monte Carlo run (when one has
 * been run for this very scenario). Plain text, in the reader's language.
 */
export interface PlanParagraphInput {
  definition: ScenarioDefinition;
  result: ScenarioResult;
  budget: BudgetBreakdown;
  /** "tỉnh Tuyên Quang" / "Tuyên Quang province", or the nation. */
  scopeName: string;
  monteCarlo: { probabilityTargetMet: number; draws: number } | null;
  locale: Locale;
}

/** How many units the paragraph names as carrying the largest reductions. */
const NAMED_UNITS = 3;

const list = (names: string[], locale: Locale) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${locale === 'vi' ? 'và' : 'and'} ${names.at(-1)}`;

export function planParagraph(input: PlanParagraphInput): string {
  const { definition, result, budget, scopeName, monteCarlo, locale } = input;
  const Y = definition.years;
  const { total } = result;
  const vi = locale === 'vi';
  const pct = (v: number) => formatPercent(v, locale);
  const pts = (v: number) => formatFixed(v, locale, 2);
  const count = (v: number) => formatCount(Math.round(v), locale);
  const money = (v: number) => `${count(v)} ${vi ? 'triệu đồng' : 'million VND'}`;
  const first = definition.startYear;
  const last = first + Y - 1;
  const period =
    Y === 1
      ? vi
        ? `Năm ${first}`
        : `In ${first}`
      : vi
        ? `Giai đoạn ${first}–${last}`
        : `Over ${first}–${last}`;
  const poorStart = Math.round(total.poor[0]!);
  const poorEnd = Math.round(total.poor[Y]!);
  const perYear = (Math.round(total.rate[0]! * 100) - Math.round(total.rate[Y]! * 100)) / 100 / Y;
  const sentences: string[] = [];

  sentences.push(
    vi
      ? `${period}, phấn đấu giảm tỷ lệ hộ nghèo của ${scopeName} từ ${pct(total.rate[0]!)} xuống còn ${pct(total.rate[Y]!)} (bình quân giảm ${pts(perYear)} điểm phần trăm mỗi năm), tương ứng giảm ${count(poorStart - poorEnd)} hộ nghèo (từ ${count(poorStart)} hộ xuống còn ${count(poorEnd)} hộ).`
      : `${period}, the aim is to bring the poverty rate of ${scopeName} down from ${pct(total.rate[0]!)} to ${pct(total.rate[Y]!)} (${pts(perYear)} percentage points a year on average), ${count(poorStart - poorEnd)} fewer poor households (from ${count(poorStart)} to ${count(poorEnd)}).`,
  );
  if (!total.targetMet) {
    sentences.push(
      vi
        ? `Mức này chưa đạt mục tiêu ${pct(total.targetRate[Y]!)} (còn cách ${pts(total.missPoints)} điểm).`
        : `This falls short of the ${pct(total.targetRate[Y]!)} target by ${pts(total.missPoints)} points.`,
    );
  }

  // From rates rounded as printed, so the paragraph agrees with the annex table (15,08 − 12,43).
  const reductionPerYear = (u: UnitOutcome) =>
    (Math.round(u.rate[0]! * 100) - Math.round(u.rate[Y]! * 100)) / 100 / Y;
  const named = (units: UnitOutcome[]) =>
    list(
      units.map((u) => `${u.name} ${pts(reductionPerYear(u))}`),
      locale,
    );
  const poorDistricts = result.units.filter((u) => u.groups.includes('poor-district'));
  if (poorDistricts.length > 0) {
    const minimum = definition.groupMinimums.find((m) => m.group === 'poor-district');
    // A millipoint of slack: rates are compared as printed, to two decimals.
    const reached =
      minimum && poorDistricts.every((u) => reductionPerYear(u) >= minimum.pointsPerYear - 0.005);
    const against = !minimum
      ? ''
      : vi
        ? `, ${reached ? 'đạt' : 'chưa đạt'} mức tối thiểu ${pts(minimum.pointsPerYear)} điểm`
        : `, ${reached ? 'meeting' : 'short of'} the minimum of ${pts(minimum.pointsPerYear)}`;
    sentences.push(
      vi
        ? `Các huyện nghèo giảm (điểm phần trăm mỗi năm): ${named(poorDistricts)}${against}.`
        : `Poor districts (points a year): ${named(poorDistricts)}${against}.`,
    );
  }
  const others = result.units
    .filter((u) => !u.groups.includes('poor-district'))
    .sort((a, b) => reductionPerYear(b) - reductionPerYear(a))
    .slice(0, NAMED_UNITS);
  if (others.length > 0) {
    sentences.push(
      vi
        ? `Giảm nhiều nhất trong các đơn vị còn lại (điểm phần trăm mỗi năm): ${named(others)}.`
        : `Largest reductions among the other units (points a year): ${named(others)}.`,
    );
  }

  const balance = budget.total.balance;
  if (budget.total.needed > 0 || budget.total.available > 0) {
    const gap =
      Math.round(balance) < 0
        ? vi
          ? `còn thiếu ${money(-balance)}`
          : `a shortfall of ${money(-balance)}`
        : vi
          ? `đủ${Math.round(balance) > 0 ? `, dư ${money(balance)}` : ''}`
          : `enough${Math.round(balance) > 0 ? `, with ${money(balance)} to spare` : ''}`;
    sentences.push(
      vi
        ? `Kinh phí cần khoảng ${money(budget.total.needed)}; nguồn đã có ${money(budget.total.available)}, ${gap}.`
        : `The budget needed is about ${money(budget.total.needed)}; ${money(budget.total.available)} is available, ${gap}.`,
    );
    const short = budget.programmes.filter((p) => Math.round(p.balance) < 0);
    if (short.length > 0) {
      const named = short.map((p) => `${p.name} (${money(-p.balance)})`);
      sentences.push(
        vi
          ? `Thiếu hụt theo chương trình: ${list(named, locale)}.`
          : `Shortfalls by programme: ${list(named, locale)}.`,
      );
    }
  }

  if (monteCarlo) {
    const probability = formatPercent(100 * monteCarlo.probabilityTargetMet, locale, 0);
    const draws = formatCount(monteCarlo.draws, locale);
    sentences.push(
      vi
        ? `Theo mô phỏng ${draws} lần với biến động về số hộ thoát nghèo, hộ nghèo phát sinh và tái nghèo, khả năng đạt mục tiêu khoảng ${probability}.`
        : `In ${draws} simulated runs that vary exits, new poverty and relapse, the target is met in about ${probability} of cases.`,
    );
  }
  return sentences.join(' ');
}

/** How a sentence names the scope: "tỉnh Tuyên Quang" / "Tuyên Quang province", "cả nước". */
export function scopeName(provinceName: string | null, locale: Locale): string {
  if (provinceName === null) return locale === 'vi' ? 'cả nước' : 'the whole country';
  const match = /^(Tỉnh|Thành phố) (.+)$/u.exec(provinceName);
  if (!match) return provinceName;
  const [, kind, name] = match;
  if (locale === 'vi') return `${kind!.toLowerCase()} ${name}`;
  return `${name} ${kind === 'Tỉnh' ? 'province' : 'city'}`;
}
