/**
 * The page numbers to show around the current page, with 0 for a gap ("…"): always the first and
 * last page, and `show` items in all (Designsystemet's pagination pattern).
 */
export function pageWindow(current: number, total: number, show = 7): number[] {
  if (total <= show) return Array.from({ length: total }, (_, i) => i + 1);
  const half = (show - 1) / 2;
  const start = Math.max(Math.min(current - Math.floor(half), total - show + 1), 1);
  const end = Math.min(Math.max(current + Math.ceil(half), show), total);
  const pages = Array.from({ length: end + 1 - start }, (_, i) => i + start);
  if (start > 1) pages.splice(0, 2, 1, 0);
  if (end < total) pages.splice(-2, 2, 0, total);
  return pages;
}
