/**
 * A dataset's publication states, without the table definitions: the registration schema
 * (lib/catalogue/schemas.ts) needs them in the harvest's parse worker too, which would otherwise
 * load drizzle and every table of the schema (~90 ms of its start) for three words.
 */
export const PUBLICATION_STATES = ["draft", "published", "withdrawn"] as const;

export type PublicationState = (typeof PUBLICATION_STATES)[number];
