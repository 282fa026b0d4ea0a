import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { publishers, type Publisher } from "@/db/schema";
import { slugify, uniqueSlug } from "@/lib/catalogue/slug";
import { env } from "@/lib/env";
import { AppError, validationError } from "@/lib/errors";
import { publisherUriForOrgNumber } from "./org-number";
import { publisherInputSchema, type PublisherInputRaw } from "./schemas";

/**
 * Register a publisher. Its URI is the organisation-catalogue URI when the organisation number is
 * known (DCAT-AP-NO), else `${BASE_URL}/publishers/<slug>`; both are minted once. A harvest passes
 * `uri`: the URI the source gave the publisher (without an organisation number), kept so the next
 * harvest matches it.
 */
export function createPublisher(tx: Executor, { input, uri: givenUri }: { input: PublisherInputRaw; uri?: string }): Publisher {
  const parsed = publisherInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, "The publisher is not valid");
  const data = parsed.data;

  if (data.orgNumber) {
    const clash = tx.select({ id: publishers.id }).from(publishers).where(eq(publishers.orgNumber, data.orgNumber)).get();
    if (clash) {
      throw new AppError("conflict", `A publisher with organisation number ${data.orgNumber} exists`, {
        fields: { orgNumber: ["Already registered"] },
      });
    }
  }
  const isTaken = (slug: string) =>
    tx.select({ id: publishers.id }).from(publishers).where(eq(publishers.slug, slug)).get() !== undefined;
  if (data.slug && isTaken(data.slug)) {
    throw new AppError("conflict", `The slug ${data.slug} is taken`, { fields: { slug: ["Already taken"] } });
  }
  const slug = data.slug ?? uniqueSlug(slugify(data.name.nb), isTaken);
  const uri = data.orgNumber
    ? publisherUriForOrgNumber(data.orgNumber)
    : (givenUri ?? `${env.BASE_URL}/publishers/${slug}`);
  if (givenUri && tx.select({ id: publishers.id }).from(publishers).where(eq(publishers.uri, uri)).get()) {
    throw new AppError("conflict", `A publisher with the URI ${uri} exists`);
  }

  return tx
    .insert(publishers)
    .values({
      slug,
      uri,
      orgNumber: data.orgNumber,
      nameNb: data.name.nb,
      nameNn: data.name.nn,
      nameEn: data.name.en,
      homepage: data.homepage,
      email: data.email,
    })
    .returning()
    .get();
}
