import { z } from "zod";
import { httpUrlSchema } from "@/lib/catalogue/schemas";
import { SLUG_PATTERN } from "@/lib/catalogue/slug";
import { orgNumberSchema } from "./org-number";

const name = z.string().trim().min(1, "Must not be empty").max(200, "At most 200 characters");

export const publisherInputSchema = z.strictObject({
  /** Derived from the Bokmål name when not given; never changes afterwards. */
  slug: z.string().regex(SLUG_PATTERN, "Lower-case letters, digits and hyphens only").max(80).optional(),
  name: z.strictObject({ nb: name, nn: name.optional(), en: name.optional() }),
  orgNumber: orgNumberSchema.optional(),
  homepage: httpUrlSchema.optional(),
  email: z.email("Must be an e-mail address").optional(),
});

export type PublisherInput = z.infer<typeof publisherInputSchema>;
export type PublisherInputRaw = z.input<typeof publisherInputSchema>;
