import { z } from "zod";
import { httpUrlSchema } from "@/lib/catalogue/schemas";

export const HARVEST_SOURCE_KINDS = ["dcat", "ckan", "dcat-us"] as const;
export const HARVEST_SCHEDULES = ["manual", "hourly", "daily", "weekly"] as const;

/** A harvest source as staff (form), the CLI and tests register or edit it. */
export const harvestSourceInputSchema = z.strictObject({
  name: z.string().trim().min(1, "Must not be empty").max(200, "At most 200 characters"),
  url: httpUrlSchema,
  kind: z.enum(HARVEST_SOURCE_KINDS, { error: "Choose DCAT, CKAN or DCAT-US" }).default("dcat"),
  schedule: z.enum(HARVEST_SCHEDULES, { error: "Choose manual, hourly, daily or weekly" }).default("manual"),
  /** Slug of the publisher for records that name none; also who may manage the source. */
  defaultPublisher: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .optional(),
  enabled: z.boolean().default(true),
  archiveAfterDays: z.coerce.number().int("Whole days").min(0, "At least 0").max(365, "At most 365").default(7),
});

export type HarvestSourceInput = z.infer<typeof harvestSourceInputSchema>;
export type HarvestSourceInputRaw = z.input<typeof harvestSourceInputSchema>;
