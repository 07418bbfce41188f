import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * WCAG 2.1 A/AA as axe-core checks it (EN 301 549 takes its web requirements from there), on every
 * view and dialog. A view fails on any serious or critical violation; the lesser ones are listed in
 * the report. Nothing is excluded. While a modal dialog is open the page behind it is inert, so axe
 * checks the dialog.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectAccessible(page: Page, what: string, info: TestInfo): Promise<void> {
  const { violations, passes, incomplete } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(passes.length, `axe checked nothing in ${what}`).toBeGreaterThan(5);
  const lines = violations.map(
    (v) => `${v.impact ?? 'unknown'} ${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const review = incomplete.map(
    (v) => `review ${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  await info.attach(`axe: ${what}`, { body: [...lines, ...review].join('\n') || 'no violations', contentType: 'text/plain' });
  if (process.env.MINNES_AXE_REVIEW) for (const r of review) console.log(`  ${what}: ${r}`);
  console.log(
    `axe ${what}: ${violations.length} violations, ${blocking.length} serious or critical (${passes.length} rules passed, ${incomplete.length} to review by hand)`,
  );
  expect(
    lines.filter((_, i) => blocking.includes(violations[i]!)),
    `serious or critical violations in ${what}`,
  ).toEqual([]);
}
