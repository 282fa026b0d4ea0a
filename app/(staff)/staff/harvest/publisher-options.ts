import type { Principal } from "@/lib/auth/principal";
import { writablePublishers } from "@/lib/catalogue/staff-queries";
import { getDb } from "@/lib/database";
import type { Locale } from "@/lib/i18n/config";
import { pickText } from "@/lib/i18n/pick-text";

/**
 * Publishers whose harvest sources the principal may manage (all for site administrators, else
 * those they administer), for the source form's picker. The command checks the choice again.
 */
export function harvestPublisherOptions(principal: Principal, locale: Locale): { slug: string; name: string }[] {
  const administered = new Set(
    [...principal.roles.entries()].filter(([, role]) => role === "admin").map(([id]) => principal.publisherSlugs.get(id)),
  );
  return writablePublishers(getDb(), principal)
    .filter((p) => principal.siteAdmin || administered.has(p.slug))
    .map((p) => ({ slug: p.slug, name: pickText(p.name, locale)?.text ?? p.slug }));
}
