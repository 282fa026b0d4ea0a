import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { publishers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createPublisher } from "@/lib/publishers/create-publisher";
import { publisherInputSchema } from "@/lib/publishers/schemas";
import type { HarvestedPublisher } from "./records";

/**
 * The publisher of a harvested record: matched by organisation number, then by URI, then (for a
 * publisher given only by name) by its Bokmål name; created when none matches, so attribution
 * from the source is kept. Lookups are cached for the job.
 */
export class PublisherResolver {
  private readonly cache = new Map<string, { slug: string } | { error: string }>();
  readonly created: string[] = [];

  constructor(
    private readonly tx: Executor,
    private readonly defaultPublisherSlug: string | null,
  ) {}

  resolve(publisher: HarvestedPublisher | undefined): { slug: string } | { error: string } {
    if (!publisher || (!publisher.orgNumber && !publisher.uri && !publisher.name?.nb)) {
      return this.defaultPublisherSlug
        ? { slug: this.defaultPublisherSlug }
        : { error: "The record names no publisher and the source has no default publisher" };
    }
    const key = publisher.orgNumber ? `org ${publisher.orgNumber}` : publisher.uri ? `uri ${publisher.uri}` : `name ${publisher.name!.nb}`;
    let result = this.cache.get(key);
    if (!result) {
      result = this.find(publisher) ?? this.create(publisher);
      this.cache.set(key, result);
    }
    return result;
  }

  private find(p: HarvestedPublisher): { slug: string } | undefined {
    const { tx } = this;
    const bySlug = (where: ReturnType<typeof eq>) => tx.select({ slug: publishers.slug }).from(publishers).where(where).get();
    if (p.orgNumber) {
      const found = bySlug(eq(publishers.orgNumber, p.orgNumber));
      if (found) return found;
    }
    if (p.uri) {
      const found = bySlug(eq(publishers.uri, p.uri));
      if (found) return found;
    }
    if (!p.orgNumber && !p.uri && p.name?.nb) return bySlug(eq(publishers.nameNb, p.name.nb));
    return undefined;
  }

  private create(p: HarvestedPublisher): { slug: string } | { error: string } {
    if (!p.name?.nb) {
      return this.defaultPublisherSlug
        ? { slug: this.defaultPublisherSlug }
        : { error: `The publisher ${p.uri ?? p.orgNumber} has no name (foaf:name) and the source has no default publisher` };
    }
    const input = {
      name: p.name as { nb: string; nn?: string; en?: string },
      ...(p.orgNumber && { orgNumber: p.orgNumber }),
      ...(p.homepage && { homepage: p.homepage }),
      ...(p.email && { email: p.email }),
    };
    // Optional details that do not validate are left out rather than losing the publisher.
    const parsed = publisherInputSchema.safeParse(input);
    const safe = parsed.success ? input : { name: input.name, ...(p.orgNumber && { orgNumber: p.orgNumber }) };
    try {
      const row = createPublisher(this.tx, { input: safe, uri: p.orgNumber ? undefined : p.uri });
      this.created.push(row.slug);
      return { slug: row.slug };
    } catch (error) {
      if (error instanceof AppError) return { error: `The publisher ${p.name.nb} could not be registered: ${error.message}` };
      throw error;
    }
  }
}
