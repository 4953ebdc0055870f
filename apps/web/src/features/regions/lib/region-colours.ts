/**
 * Light fills (ColorBrewer Set3, without its grey so "no region" stays unique) under dark region borders:
 * the border colour keeps at least 6:1 contrast against every fill, well above the 3:1 that WCAG 1.4.11
 * asks of graphical objects. Colour never carries information alone: names are in the tooltip, the
 * details panel and the table.
 */
export const REGION_FILLS = ['#8dd3c7', '#ffffb3', '#bebada', '#fb8072', '#80b1d3', '#fdb462', '#b3de69', '#fccde5'];
export const REGION_BORDER_COLOUR = '#1b1b1b';
export const MUNICIPALITY_BORDER_COLOUR = '#ffffff';
export const SELECTED_FILL = '#1f3d7a';
export const NO_REGION_HATCH = '#6b6b6b';

/**
 * Greedy (Welsh–Powell) colouring of the region adjacency graph so that neighbouring regions never
 * share a fill; eight colours are plenty for a planar map of this size.
 */
export function assignRegionFills(
  regionOf: ReadonlyMap<string, string>,
  neighbours: ReadonlyMap<string, readonly string[]>,
): Map<string, string> {
  const adjacentRegions = new Map<string, Set<string>>();
  for (const region of regionOf.values()) adjacentRegions.set(region, adjacentRegions.get(region) ?? new Set());
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
  for (const region of order) {
    const taken = new Set([...(adjacentRegions.get(region) ?? [])].map((other) => colourIndex.get(other)));
    let index = 0;
    while (taken.has(index) && index < REGION_FILLS.length - 1) index += 1;
    colourIndex.set(region, index);
  }
  return new Map([...colourIndex].map(([region, index]) => [region, REGION_FILLS[index] as string]));
}
