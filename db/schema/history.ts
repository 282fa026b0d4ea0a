import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { datasets } from "./catalogue";
import { timestamp } from "./timestamp";

export const REVISION_ACTIONS = [
  "create",
  "update",
  "publish",
  "withdraw",
  "unpublish",
  "archive",
] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** One change to a field: the dotted path, the value before and after. */
export type FieldChange = { path: string; before: unknown; after: unknown };

/**
 * Every change to a dataset (form, API, import, harvest, seed) with its actor, time and a readable
 * diff. The snapshot is the dataset as it stood after the change, in the registration shape.
 * A "create" revision stores no changes (`[]`): its changes are every field of its snapshot, from
 * nothing, and are derived from it when read (`revisionChanges`), not written twice.
 */
export const revisions = sqliteTable(
  "revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    at: timestamp("at"),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Who made the change in words: an e-mail, "seed", "harvest:<source id>", "cli". */
    actor: text("actor").notNull(),
    action: text("action", { enum: REVISION_ACTIONS }).notNull(),
    changes: text("changes", { mode: "json" }).$type<FieldChange[]>().notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<unknown>().notNull(),
  },
  (t) => [index("revisions_dataset_idx").on(t.datasetId, t.id), index("revisions_at_idx").on(t.at)],
);

export type Revision = typeof revisions.$inferSelect;
