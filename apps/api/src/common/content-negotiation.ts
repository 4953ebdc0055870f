/**
 * Which of `offered` (media types, in the server's order of preference) an Accept header asks for most: the
 * highest quality wins, the more specific range decides a type's quality (`text/csv` over `text/*` over `*\/*`),
 * ties go to the earlier offer. No Accept header takes the first offer; null when nothing offered is acceptable.
 */
export function preferredMediaType(accept: string | undefined, offered: readonly string[]): string | null {
  if (accept === undefined || accept.trim() === '') return offered[0] ?? null;
  const ranges = accept.split(',').map((part) => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { range: range.trim(), quality: Number.isFinite(quality) ? quality : 0 };
  });
  let best: { type: string; quality: number } | null = null;
  for (const type of offered) {
    const [main] = type.split('/');
    let specificity = -1;
    let quality = 0;
    for (const { range, quality: q } of ranges) {
      const rank = range === type ? 2 : range === `${main}/*` ? 1 : range === '*/*' ? 0 : -1;
      if (rank > specificity) {
        specificity = rank;
        quality = q;
      }
    }
    if (specificity >= 0 && quality > 0 && (best === null || quality > best.quality))
      best = { type, quality };
  }
  return best?.type ?? null;
}
