import { RegionTypeCode } from '@ketenkaart/shared-domain';
import { type Browser, eventually, openBrowser } from './support/browser';
import {
  getJson,
  type MunicipalityDetail,
  missingPairs,
  open,
  type RegionType,
  regionsPage as ui,
  searchParam,
  waitForSearchParam,
} from './support/regions-page';

/** What issue 2 says a user must see for Amsterdam, by region type code. */
const AMSTERDAM = {
  code: 'GM0363',
  name: 'Amsterdam',
  regions: {
    [RegionTypeCode.veiligheidsregio]: 'Amsterdam-Amstelland',
    [RegionTypeCode.politieEenheid]: 'Amsterdam',
    [RegionTypeCode.riec]: 'RIEC Amsterdam-Amstelland',
  } as Record<string, string>,
};
const MUNICIPALITY_COUNT = 342;

describe("Regio's page", () => {
  let browser: Browser;
  let regionTypes: RegionType[];
  let amsterdam: MunicipalityDetail;

  beforeAll(async () => {
    browser = await openBrowser();
    regionTypes = (await getJson<{ items: RegionType[] }>('/api/v1/region-types')).items;
    amsterdam = await getJson<MunicipalityDetail>(`/api/v1/municipalities/${AMSTERDAM.code}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(() => {
    const errors = browser.takeErrors();
    if (errors.length > 0) throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
  });

  it('is checked against an API that knows every region type and Amsterdam’s regions', () => {
    expect(regionTypes.map((type) => type.code).sort()).toEqual(
      expect.arrayContaining(Object.values(RegionTypeCode)),
    );
    for (const [typeCode, name] of Object.entries(AMSTERDAM.regions)) {
      expect(amsterdam.regions).toContainEqual(expect.objectContaining({ typeCode, name }));
    }
  });

  it('shows the heading, a Regiotype choice of every region type and a map of all 342 gemeenten', async () => {
    const { page } = browser;
    await open(page, '/regios');

    const select = ui.regionTypeSelect(page);
    await select.waitFor();
    const options = await select.locator('option').evaluateAll((elements) =>
      elements.map((el) => ({
        value: (el as HTMLOptionElement).value,
        text: el.textContent?.trim() ?? '',
      })),
    );
    const missing = regionTypes.filter(
      (type) => !options.some((o) => o.value === type.code || o.text === type.name),
    );
    expect(missing.map((type) => `${type.code} (${type.name})`)).toEqual([]);

    const map = ui.map(page);
    await map.waitFor();
    const shapes = ui.municipalityShapes(map);
    await eventually(async () => expect(await shapes.count()).toBe(MUNICIPALITY_COUNT), 20_000);

    const drawn = await shapes.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code') ?? ''));
    expect(new Set(drawn).size).toBe(MUNICIPALITY_COUNT);
    const current = await getJson<{ items: { code: string }[] }>('/api/v1/municipalities?pageSize=500');
    const currentCodes = new Set(current.items.map((m) => m.code));
    expect(drawn.filter((code) => !currentCodes.has(code))).toEqual([]);
  });

  it('offers Súdwest-Fryslân when the user types "sud"', async () => {
    const { page } = browser;
    await open(page, '/regios');
    await ui.municipalitySearch(page).fill('sud');
    await (await ui.suggestion(page, 'Súdwest-Fryslân')).waitFor();
  });

  it('shows Amsterdam’s regions of every type after choosing it in the search, in a shareable URL', async () => {
    const { page } = browser;
    await open(page, '/regios');
    await ui.municipalitySearch(page).fill('Amsterdam');
    await (await ui.suggestion(page, AMSTERDAM.name)).click();

    await expectAmsterdamShown(browser, amsterdam, regionTypes);
    await waitForSearchParam(page, 'gemeente', AMSTERDAM.code);

    await page.reload();
    await expectAmsterdamShown(browser, amsterdam, regionTypes);
    expect(searchParam(page, 'gemeente')).toBe(AMSTERDAM.code);
  });

  it('opens a shared link /regios?gemeente=GM0363 with Amsterdam selected', async () => {
    await open(browser.page, `/regios?gemeente=${AMSTERDAM.code}`);
    await expectAmsterdamShown(browser, amsterdam, regionTypes);
  });

  it('puts the chosen region type in the URL and restores it on reload', async () => {
    const { page } = browser;
    await open(page, '/regios');
    const select = ui.regionTypeSelect(page);
    const current = await select.inputValue();
    const wanted =
      current === RegionTypeCode.politieEenheid ? RegionTypeCode.provincie : RegionTypeCode.politieEenheid;
    const option = await select.locator('option').evaluateAll(
      (elements, [code, name]) => {
        const match = (elements as HTMLOptionElement[]).find(
          (o) => o.value === code || o.textContent?.trim() === name,
        );
        return match ? match.value : null;
      },
      [wanted, regionTypes.find((type) => type.code === wanted)?.name ?? wanted],
    );
    expect(option).not.toBeNull();
    await select.selectOption(option as string);

    await waitForSearchParam(page, 'type', wanted);
    await page.reload();
    await waitForSelectValue(browser, option as string);
    expect(searchParam(page, 'type')).toBe(wanted);
  });

  it('lets a keyboard user Tab to the search box, type and pick a gemeente', async () => {
    const { page } = browser;
    await open(page, '/regios');
    const search = ui.municipalitySearch(page);
    await search.waitFor();

    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = await search.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);

    await page.keyboard.type(AMSTERDAM.name);
    await (await ui.suggestion(page, AMSTERDAM.name)).waitFor();
    // ArrowDown moves to the results (focus, or aria-activedescendant in a combobox that already
    // points at the first match); move until Amsterdam is the active result, then Enter.
    for (let presses = 0; presses < 10; presses++) {
      await page.keyboard.press('ArrowDown');
      if (await isActiveResult(browser, AMSTERDAM.name)) break;
    }
    await page.keyboard.press('Enter');

    await expectAmsterdamShown(browser, amsterdam, regionTypes);
    await waitForSearchParam(page, 'gemeente', AMSTERDAM.code);
  });
});

async function waitForSelectValue(browser: Browser, value: string): Promise<void> {
  const select = ui.regionTypeSelect(browser.page);
  await eventually(async () => expect(await select.inputValue()).toBe(value));
}

/**
 * The result a keyboard user is on: the combobox's `aria-activedescendant`, else the focused element
 * when focus has left the search box (a list of buttons), else an option marked `aria-selected`.
 */
async function isActiveResult(browser: Browser, name: string): Promise<boolean> {
  const search = await ui.municipalitySearch(browser.page).elementHandle();
  return browser.page.evaluate(
    ([wanted, input]) => {
      const focused = document.activeElement;
      const activeId = focused?.getAttribute('aria-activedescendant');
      const active = activeId
        ? document.getElementById(activeId)
        : focused && focused !== input && focused !== document.body
          ? focused
          : document.querySelector('[role="option"][aria-selected="true"]');
      return (active?.textContent ?? '').trim().startsWith(wanted);
    },
    [name, search] as const,
  );
}

async function expectAmsterdamShown(
  browser: Browser,
  detail: MunicipalityDetail,
  types: RegionType[],
): Promise<void> {
  const section = ui.municipalitySection(browser.page, AMSTERDAM.name);
  await section.waitFor();

  const typeName = (code: string) => types.find((type) => type.code === code)?.name ?? code;
  const pairs = Object.entries(AMSTERDAM.regions).map(([code, name]) => ({ label: typeName(code), name }));
  await eventually(async () => expect(await missingPairs(section, pairs)).toEqual([]));

  // Every region the API knows for Amsterdam, of every type, is on the page.
  const text = (await section.innerText()).replace(/\s+/g, ' ');
  expect(detail.regions.map((region) => region.name).filter((name) => !text.includes(name))).toEqual([]);
}
