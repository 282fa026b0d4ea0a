import { parseArgs } from "node:util";
import { loadPrincipalByEmail, operatorPrincipal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/tokens/commands";
import { runCli, withConfiguredDatabase } from "./cli";

const USAGE = `Usage: npm run token -- <command>
  create --email E [--name NAME]   issue an API token for a user; prints only the token (shown once)
  list --email E                   a user's tokens (prefix, created, last used, revoked)
  revoke --id ID                   revoke a token`;

/** `npm run token -- create|list|revoke` against DATABASE_URL, as the operator. */
runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, id: { type: "string" } },
  });
  const command = positionals[0];
  const operator = operatorPrincipal();
  await withConfiguredDatabase((db) => {
    if (command === "create" && values.email) {
      const user = loadPrincipalByEmail(db, values.email, "cli");
      const created = createApiToken(db, operator, { name: values.name ?? "Command line", userId: user.userId });
      process.stdout.write(`${created.token}\n`);
      console.error(`Token ${created.prefix}… for ${user.email}. It is shown only now: keep it secret.`);
    } else if (command === "list" && values.email) {
      const user = loadPrincipalByEmail(db, values.email, "cli");
      for (const t of listApiTokens(db, operator, { userId: user.userId })) {
        const status = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? "never"}`;
        console.log(`${t.id}  ${t.prefix}…  ${t.name}  created ${t.createdAt}  ${status}`);
      }
    } else if (command === "revoke" && values.id) {
      revokeApiToken(db, operator, values.id);
      console.log(`Revoked ${values.id}`);
    } else {
      throw new AppError("bad_request", USAGE);
    }
  });
});
