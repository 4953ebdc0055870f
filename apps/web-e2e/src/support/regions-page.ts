import type { Locator, Page } from 'playwright-core';
import { baseUrl, eventually } from './browser';

/**
 * The Regio's page as its UI contract describes it (issue 2), found by role and accessible name the
 * way a screen-reader user finds it. Labels are the Dutch ones unless an English variant is given.
 */
export const regionsPage: {
  heading(page: Page, name?: string): Locator;
  regionTypeSelect(page: Page): Locator;
  municipalitySearch(page: Page): Locator;
  suggestion(page: Page, name: string): Promise<Locator>;
  map(page: Page): Locator;
  municipalityShapes(scope: Page | Locator): Locator;
  municipalitySection(page: Page, name: string): Locator;
} = {
  heading: (page: Page, name = "Regio's"): Locator =>
    page.getByRole('heading', { level: 1, name, exact: true }),
  regionTypeSelect: (page: Page): Locator => page.getByLabel('Regiotype', { exact: true }),
  municipalitySearch: (page: Page): Locator => page.getByLabel('Zoek gemeente', { exact: true }),
  /**
   * A search result named `name`. The contract fixes the behaviour, not the widget: an ARIA combobox
   * with `option`s, or a list of buttons or links, inside the element the search box `aria-controls`
   * (any listbox on the page when it names none).
   */
  suggestion: async (page: Page, name: string): Promise<Locator> => {
    const search = regionsPage.municipalitySearch(page);
    const controlled =
      (await search.getAttribute('aria-controls')) ?? (await search.getAttribute('aria-owns'));
    const results = controlled
      ? page.locator(`[id="${controlled.split(/\s+/)[0]}"]`)
      : page.getByRole('listbox');
    const pattern = new RegExp(`^\\s*${escapeRegExp(name)}\\b`);
    return results
      .getByRole('option', { name: pattern })
      .or(results.getByRole('button', { name: pattern }))
      .or(results.getByRole('link', { name: pattern }))
      .first();
  },
  /** The map may be an `img`, `figure`, `region`, `group` or `application`; the contract fixes its name. */
  map: (page: Page): Locator => {
    const name = 'Kaart van Nederland';
    return page
      .getByLabel(name, { exact: true })
      .or(page.getByRole('img', { name, exact: true }))
      .or(page.getByRole('figure', { name, exact: true }))
      .or(page.getByRole('region', { name, exact: true }))
      .or(page.getByRole('group', { name, exact: true }))
      .or(page.getByRole('application', { name, exact: true }))
      .first();
  },
  municipalityShapes: (scope: Page | Locator): Locator => scope.locator('path[data-code^="GM"]'),
  /** The nearest section (or region landmark) around the gemeente's h2. */
  municipalitySection: (page: Page, name: string): Locator =>
    page
      .getByRole('heading', { level: 2, name, exact: true })
      .locator('xpath=ancestor::*[self::section or @role="region"][1]'),
};

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function searchParam(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

export async function waitForSearchParam(page: Page, name: string, expected: string): Promise<void> {
  await eventually(() => {
    const actual = searchParam(page, name);
    if (actual !== expected) throw new Error(`expected ${name}=${expected} in the URL, got ${page.url()}`);
  });
}

/** Opens a path of the portal and waits until the page's h1 is there. */
export async function open(page: Page, path: string, heading = "Regio's"): Promise<void> {
  await page.goto(path);
  await regionsPage.heading(page, heading).waitFor();
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface RegionType {
  code: string;
  name: string;
  nameEn: string;
}

export interface MunicipalityDetail {
  code: string;
  name: string;
  regions: { id: string; typeCode: string; typeName: string; code: string; name: string }[];
}

/**
 * Checks, inside a section, that a type label is shown next to a region name: in the same list item or
 * table row, in the element right after the label (dt/dd, th/td, heading/paragraph), or in the label's
 * parent when that parent is not the whole list. Resolves with a description of each pair not found.
 */
export async function missingPairs(
  section: Locator,
  pairs: { label: string; name: string }[],
): Promise<string[]> {
  return section.evaluate((root, wanted) => {
    const norm = (text: string | null) =>
      (text ?? '').replace(/\s+/g, ' ').trim().replace(/:$/, '').toLocaleLowerCase('nl');
    const problems: string[] = [];
    for (const { label, name } of wanted) {
      const labels = Array.from(root.querySelectorAll('*')).filter(
        (el) => norm(el.textContent) === norm(label),
      );
      const found = labels.some((el) => {
        const texts: string[] = [];
        const row = el.closest('li, tr, [role="row"], [role="listitem"]');
        if (row && row !== root && root.contains(row)) texts.push(row.textContent ?? '');
        if (el.nextElementSibling) texts.push(el.nextElementSibling.textContent ?? '');
        const parent = el.parentElement;
        if (
          parent &&
          parent !== root &&
          !['DL', 'UL', 'OL', 'TABLE', 'TBODY', 'SECTION'].includes(parent.tagName)
        ) {
          texts.push(parent.textContent ?? '');
        }
        return texts.some((text) => norm(text).replace(norm(label), '').includes(norm(name)));
      });
      if (!found) {
        problems.push(
          labels.length === 0
            ? `no element reads "${label}"`
            : `"${label}" is shown, but not next to "${name}"`,
        );
      }
    }
    if (problems.length > 0) problems.push(`section text: ${norm(root.textContent).slice(0, 600)}`);
    return problems;
  }, pairs);
}
