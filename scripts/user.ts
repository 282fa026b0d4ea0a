import { parseArgs } from "node:util";
import { loadPrincipalByEmail, operatorPrincipal } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { createUser, listUsers, setUserDisabled } from "@/lib/users/commands";
import { runCli, withConfiguredDatabase } from "./cli";

const USAGE = `Usage: npm run user -- <command>
  create --email E --password P --role admin|publisher-admin|editor [--publisher SLUG] [--name NAME]
                      create a user: a site administrator, or an administrator/editor of one publisher
  list                the users with their roles
  disable --email E   stop a user signing in (their API tokens stop working too)
  enable --email E    let a disabled user sign in again`;

/** `npm run user -- create|list|disable|enable` against DATABASE_URL, as the operator. */
runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      publisher: { type: "string" },
      name: { type: "string" },
    },
  });
  const command = positionals[0];
  const operator = operatorPrincipal();
  await withConfiguredDatabase(async (db) => {
    if (command === "create") {
      const user = await createUser(db, operator, {
        email: values.email,
        password: values.password,
        role: values.role,
        ...(values.publisher && { publisher: values.publisher }),
        ...(values.name && { name: values.name }),
      });
      console.log(`Created ${user.email} (${values.role}${values.publisher ? ` of ${values.publisher}` : ""})`);
    } else if (command === "list") {
      for (const user of listUsers(db, operator)) {
        const roles = [
          ...(user.siteAdmin ? ["site administrator"] : []),
          ...user.memberships.map((m) => `${m.role === "admin" ? "administrator" : "editor"} of ${m.publisher}`),
        ];
        console.log(`${user.email}${user.disabled ? " (disabled)" : ""}: ${roles.join(", ") || "no role"}`);
      }
    } else if ((command === "disable" || command === "enable") && values.email) {
      const user = loadPrincipalByEmail(db, values.email, "cli", { includeDisabled: true });
      setUserDisabled(db, operator, user.userId, command === "disable");
      console.log(`${command === "disable" ? "Disabled" : "Enabled"} ${user.email}`);
    } else {
      throw new AppError("bad_request", USAGE);
    }
  });
});
