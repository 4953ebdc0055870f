/**
 * Light fills (ColorBrewer Set3, without its grey so "no region" stays unique) under dark region borders:
 * the border colour keeps at least 6:1 contrast against every fill, well above the 3:1 that WCAG 1.4.11
 * asks of graphical objects. Colour never carries information alone: names are in the tooltip, the
 * details panel and the table.
 */
export const REGION_FILLS = [
  '#8dd3c7',
  '#ffffb3',
  '#bebada',
  '#fb8072',
  '#80b1d3',
  '#fdb462',
  '#b3de69',
  '#fccde5',
];
export const REGION_BORDER_COLOUR = '#1b1b1b';
export const MUNICIPALITY_BORDER_COLOUR = '#ffffff';
export const SELECTED_FILL = '#1f3d7a';
export const NO_REGION_HATCH = '#6b6b6b';

/**
 * Greedy (Welsh–Powell) colouring of the region adjacency graph so that neighbouring regions never
 * share a fill; of the free colours the least used is taken, so the palette is spread evenly.
 */
export function assignRegionFills(
  regionOf: ReadonlyMap<string, string>,
  neighbours: ReadonlyMap<string, readonly string[]>,
): Map<string, string> {
  const adjacentRegions = new Map<string, Set<string>>();
  for (const region of regionOf.values())
    adjacentRegions.set(region, adjacentRegions.get(region) ?? new Set());
  for (const [code, region] of regionOf) {
    for (const neighbour of neighbours.get(code) ?? []) {
      const other = regionOf.get(neighbour);
      if (other !== undefined && other !== region) adjacentRegions.get(region)?.add(other);
    }
  }

  const order = [...adjacentRegions.keys()].sort(
    (a, b) => (adjacentRegions.get(b)?.size ?? 0) - (adjacentRegions.get(a)?.size ?? 0) || a.localeCompare(b),
  );
  const colourIndex = new Map<string, number>();
  const usage = REGION_FILLS.map(() => 0);
  const allIndexes = usage.map((_, index) => index);
  for (const region of order) {
    const taken = new Set([...(adjacentRegions.get(region) ?? [])].map((other) => colourIndex.get(other)));
    const free = allIndexes.filter((index) => !taken.has(index));
    // More neighbours than colours is not expected on this map; then the least used colour is reused.
    const candidates = free.length ? free : allIndexes;
    const index = candidates.reduce((best, next) => ((usage[next] ?? 0) < (usage[best] ?? 0) ? next : best));
    usage[index] = (usage[index] ?? 0) + 1;
    colourIndex.set(region, index);
  }
  return new Map([...colourIndex].map(([region, index]) => [region, REGION_FILLS[index] as string]));
}
