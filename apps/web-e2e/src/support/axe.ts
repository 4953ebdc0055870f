import type { AxeResults, Result } from 'axe-core';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** WCAG 2.0 and 2.1, levels A and AA: the level the portal promises (issue 2). */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) =>
        `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
    )
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
  return `  ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
}

/**
 * Evaluates axe-core's source in the page. `page.addScriptTag` would add an inline script, which the
 * portal's Content-Security-Policy (`script-src 'self'`, helmet) rightly blocks and reports as a console
 * error; DevTools evaluation is not subject to the page's CSP.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  axeSource ??= readFileSync(AXE_SOURCE_PATH, 'utf8');
  await page.evaluate(axeSource);
}

/** Runs axe-core on the whole document; resolves with the violations, described for a human. */
export async function wcagViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const results = await page.evaluate(
    (tags) =>
      (
        window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_AA_TAGS,
  );
  return results.violations.map(describe);
}

/** Fails with a readable list when axe finds any WCAG 2.1 A/AA violation. */
export async function expectNoWcagViolations(page: Page, where: string): Promise<void> {
  const violations = await wcagViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe found ${violations.length} WCAG A/AA violation(s) on ${where}:\n${violations.join('\n')}`,
    );
  }
}
