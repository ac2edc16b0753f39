import type { DatasetMetadata, Observation, ProgrammeLine } from '../dataset.ts';
import { INDICATORS, isIndicatorId, type IndicatorId } from '../indicators.ts';
import type { ScenarioResult, UnitOutcome } from './project-scenario.ts';
import {
  UNIT_GROUPS,
  type Programme,
  type ScenarioDefinition,
  type UnitGroup,
} from './scenario-definition.ts';

/**
 * A plan's budget by programme (Dự án 1–5), read from a budget dataset, and a scenario's budget
 * needed against available per programme. Amounts are million VND.
 */

/** The programme lines a budget total is made of, in the catalogue's order. */
const PROGRAMME_INDICATORS: readonly IndicatorId[] = INDICATORS.budget_total.parts ?? [];

export interface StatedProgramme {
  line: ProgrammeLine;
  /** The programme's figure as printed, or null when the document gives only its parts. */
  stated: number | null;
  parts: { indicator: IndicatorId; value: number }[];
  /** The amount taken: see `slip` for which figure it is when the document disagrees. */
  amount: number;
  /**
   * The printed figure is not the sum of its printed parts: a slip in the source. The figure
   * kept is the one with which the stated total adds up (the parts when neither does).
   */
  slip: { stated: number; partsSum: number; kept: 'parts' | 'stated' } | null;
}

export interface StatedBudget {
  datasetId: string;
  unitCode: string;
  programmes: StatedProgramme[];
  statedTotal: number | null;
  /** The sum of the amounts taken. */
  total: number;
}

/** Problems with a budget's programme lines, for the data build (empty when they are sound). */
export function checkProgrammeLines(lines: unknown, present: ReadonlySet<string>): string[] {
  if (!Array.isArray(lines)) return ['programmes: expected a list'];
  const problems: string[] = [];
  const seen = new Set<string>();
  lines.forEach((line: Partial<Record<keyof ProgrammeLine, unknown>>, i) => {
    const at = `programmes[${i}]`;
    const indicator = String(line?.indicator);
    if (!isIndicatorId(indicator) || !PROGRAMME_INDICATORS.includes(indicator)) {
      problems.push(
        `${at}.indicator: ${indicator} is not one of ${PROGRAMME_INDICATORS.join(', ')}`,
      );
    } else if (!present.has(indicator)) {
      problems.push(`${at}.indicator: ${indicator} has no figure in the CSV`);
    } else if (seen.has(indicator)) {
      problems.push(`${at}.indicator: ${indicator} is listed twice`);
    }
    seen.add(indicator);
    if (!['all', ...UNIT_GROUPS].includes(String(line?.eligible))) {
      problems.push(`${at}.eligible: expected one of all, ${UNIT_GROUPS.join(', ')}`);
    }
    for (const key of ['name', 'basis'] as const) {
      const text = line?.[key] as { vi?: unknown; en?: unknown } | undefined;
      if (typeof text?.vi !== 'string' || !text.vi || typeof text.en !== 'string' || !text.en) {
        problems.push(`${at}.${key}: expected Vietnamese and English text`);
      }
    }
  });
  return problems;
}

/** The budget's programmes at its province, or null when the dataset lists none. */
export function readStatedBudget(
  metadata: Pick<DatasetMetadata, 'id' | 'programmes'>,
  observations: readonly Observation[],
): StatedBudget | null {
  const lines = metadata.programmes ?? [];
  const province = observations.filter(
    (o) => o.datasetId === metadata.id && o.unitLevel === 'province',
  );
  if (lines.length === 0 || province.length === 0) return null;
  const unitCode = province[0]!.unitCode;
  const value = (id: IndicatorId) =>
    province.find((o) => o.unitCode === unitCode && o.indicator === id)?.value ?? null;
  const programmes = lines.map((line): StatedProgramme => {
    const stated = value(line.indicator);
    const partIds = INDICATORS[line.indicator].parts ?? [];
    const parts = partIds.flatMap((indicator) => {
      const v = value(indicator);
      return v === null ? [] : [{ indicator, value: v }];
    });
    const partsSum =
      parts.length > 0 && parts.length === partIds.length
        ? parts.reduce((sum, p) => sum + p.value, 0)
        : null;
    const slip =
      stated !== null && partsSum !== null && stated !== partsSum
        ? { stated, partsSum, kept: 'parts' as const }
        : null;
    return { line, stated, parts, amount: partsSum ?? stated ?? 0, slip };
  });
  const statedTotal = value('budget_total');
  const sum = () => programmes.reduce((s, p) => s + p.amount, 0);
  if (statedTotal !== null && sum() !== statedTotal) {
    // A slip in a part rather than in the programme's figure: the printed figure adds up.
    for (const programme of programmes) {
      if (programme.slip && sum() - programme.amount + programme.slip.stated === statedTotal) {
        programme.amount = programme.slip.stated;
        programme.slip.kept = 'stated';
      }
    }
  }
  return { datasetId: metadata.id, unitCode, programmes, statedTotal, total: sum() };
}

function eligibleFor(eligible: 'all' | UnitGroup) {
  return (unit: UnitOutcome) => eligible === 'all' || unit.groups.includes(eligible);
}

/**
 * The budget's programmes as scenario programmes. Each one's cost per exit is what the plan
 * implies: its amount over the exits the scenario plans in its units in the first year (so a
 * scenario on the plan's own targets starts balanced, and steeper targets show the gap).
 */
export function programmesFromBudget(
  budget: StatedBudget,
  result: ScenarioResult,
  locale: 'vi' | 'en',
): Programme[] {
  return budget.programmes.map(({ line, amount, slip }) => {
    const exits = result.units
      .filter(eligibleFor(line.eligible))
      .reduce((sum, unit) => sum + (unit.exits[0] ?? 0), 0);
    return {
      name: line.name[locale],
      amountPerYear: amount,
      eligible: line.eligible,
      costPerExit: exits > 0 ? amount / exits : 0,
      source: {
        datasetId: budget.datasetId,
        indicator: line.indicator,
        ...(slip ? { slip: { stated: slip.stated, partsSum: slip.partsSum } } : {}),
      },
    };
  });
}

const NOTES = {
  vi: {
    source: (title: string, document: string) => `Nguồn kinh phí: ${title} (${document}).`,
    slip: (name: string, stated: string, parts: string, kept: string) =>
      `${name}: văn bản ghi ${stated} triệu đồng nhưng các phần cộng lại ${parts}; dùng ${kept}, số làm tổng của văn bản khớp. Đây là lỗi trong văn bản gốc.`,
  },
  en: {
    source: (title: string, document: string) => `Budget source: ${title} (${document}).`,
    slip: (name: string, stated: string, parts: string, kept: string) =>
      `${name}: the document states ${stated} million VND but its parts add up to ${parts}; ${kept} is used, the figure with which the document's total adds up. This is a slip in the source document.`,
  },
} as const;

/**
 * Where the scenario's programme amounts come from, and the slips in those documents: said
 * under every budget table, so a figure that is not the printed one is never passed off as it.
 */
export function budgetNotes(
  definition: ScenarioDefinition,
  datasets: readonly Pick<DatasetMetadata, 'id' | 'title' | 'source'>[],
  locale: 'vi' | 'en',
  format: (value: number) => string,
): string[] {
  const text = NOTES[locale];
  const programmes = definition.budget.programmes;
  const ids = [...new Set(programmes.flatMap((p) => (p.source ? [p.source.datasetId] : [])))];
  const sources = ids.flatMap((id) => {
    const dataset = datasets.find((d) => d.id === id);
    if (!dataset) return [];
    const { title, issuer, locator } = dataset.source;
    return [text.source(dataset.title[locale], `${title}, ${issuer}, ${locator}`)];
  });
  const slips = programmes.flatMap(({ name, amountPerYear, source }) => {
    const slip = source?.slip;
    // An amount the planner has since changed is their own figure, not either printed one.
    if (!slip || (amountPerYear !== slip.stated && amountPerYear !== slip.partsSum)) return [];
    return [text.slip(name, format(slip.stated), format(slip.partsSum), format(amountPerYear))];
  });
  return [...sources, ...slips];
}

export interface ProgrammeBudgetRow {
  name: string;
  eligible: 'all' | UnitGroup;
  costPerExit: number;
  /** Exits over the horizon in the units it pays for. */
  exits: number;
  needed: number;
  /** Over the horizon; nothing when no unit in scope is eligible (the money reaches no one). */
  available: number;
  /** Available − needed: negative is a shortfall. */
  balance: number;
}

export interface BudgetBreakdown {
  programmes: ProgrammeBudgetRow[];
  /** The scenario's own cost per exit, which no programme pays for. */
  unassigned: { costPerExit: number; exits: number; needed: number };
  total: { needed: number; available: number; balance: number };
}

/** Needed against available per programme; the rows add up to the projection's totals. */
export function budgetBreakdown(
  result: ScenarioResult,
  definition: ScenarioDefinition,
): BudgetBreakdown {
  const exitsOf = (units: UnitOutcome[]) =>
    units.reduce((sum, unit) => sum + unit.exits.reduce((a, b) => a + b, 0), 0);
  const programmes = definition.budget.programmes.map((programme): ProgrammeBudgetRow => {
    const units = result.units.filter(eligibleFor(programme.eligible));
    const exits = exitsOf(units);
    const needed = exits * programme.costPerExit;
    const available = units.length > 0 ? programme.amountPerYear * definition.years : 0;
    return {
      name: programme.name,
      eligible: programme.eligible,
      costPerExit: programme.costPerExit,
      exits,
      needed,
      available,
      balance: available - needed,
    };
  });
  const allExits = exitsOf(result.units);
  const { budgetNeeded, budgetAvailable } = result.total;
  return {
    programmes,
    unassigned: {
      costPerExit: definition.budget.costPerExit,
      exits: allExits,
      needed: allExits * definition.budget.costPerExit,
    },
    total: {
      needed: budgetNeeded,
      available: budgetAvailable,
      balance: budgetAvailable - budgetNeeded,
    },
  };
}
