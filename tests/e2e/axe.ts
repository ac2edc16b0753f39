import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core on the page (or inside `include`) and returns every violation as
 * `rule (impact): targets`. axe is injected as an inline script, which the atlas's own CSP
 * rightly forbids: specs using this need `test.use({ bypassCSP: true })`.
 */
export async function axeViolations(
  page: Page,
  include?: string,
): Promise<{ id: string; impact: string | null; text: string }[]> {
  await page.addScriptTag({ path: axePath });
  const { violations, passes } = await page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run(context: unknown): Promise<{ violations: unknown[]; passes: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(selector ? { include: [selector] } : document);
    return { passes: result.passes.length, violations: result.violations as AxeViolation[] };
  }, include);
  // axe really ran: it checked rules and some passed.
  expect(passes).toBeGreaterThan(5);
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    text: `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  }));
}

/** Serious and critical findings, plus the landmark rules the shell promises (issue 17). */
export async function shellViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter(
      (v) =>
        v.impact === 'serious' ||
        v.impact === 'critical' ||
        v.id === 'landmark-unique' ||
        v.id === 'region',
    )
    .map((v) => v.text);
}
