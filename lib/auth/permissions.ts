import { AppError } from "@/lib/errors";
import type { Principal } from "./principal";

/**
 * The permission rules, in one place. Roles: site administrator (everything), publisher
 * administrator (the publisher's datasets, members and harvest sources), editor (the publisher's
 * datasets). Commands call `assertCan`; pages call `can` to decide what to show.
 */
export type Permission =
  /** Register, edit, publish, withdraw datasets (and their distributions) of a publisher. */
  | "dataset:write"
  /** See a publisher's drafts and withdrawn datasets and their history. */
  | "dataset:read-unpublished"
  /** Add, remove and change the roles of a publisher's members. */
  | "publisher:manage-members"
  /** Create publishers and edit their details. */
  | "publisher:manage"
  /** Register, edit and run harvest sources for a publisher (the source's default publisher). */
  | "harvest:manage"
  /** Import datasets from CSV for a publisher. */
  | "dataset:import"
  /** Create and revoke API tokens for a user (`target` is the user id). */
  | "token:manage"
  /** Manage users and see operations (backups, all jobs). */
  | "site:admin";

export type PermissionTarget = { publisherId?: number | null; userId?: string };

export function can(principal: Principal | null, permission: Permission, target: PermissionTarget = {}): boolean {
  if (!principal) return false;
  if (principal.siteAdmin) return true;
  const role = target.publisherId == null ? undefined : principal.roles.get(target.publisherId);
  switch (permission) {
    case "dataset:write":
    case "dataset:read-unpublished":
    case "dataset:import":
      return role === "admin" || role === "editor";
    case "publisher:manage-members":
    case "harvest:manage":
      return role === "admin";
    case "token:manage":
      return target.userId === principal.userId;
    case "publisher:manage":
    case "site:admin":
      return false;
  }
}

/** Throw 401 for anonymous callers and 403 for signed-in callers without the permission. */
export function assertCan(principal: Principal | null, permission: Permission, target: PermissionTarget = {}): asserts principal is Principal {
  if (!principal) throw new AppError("unauthorized", "Sign in to do this");
  if (!can(principal, permission, target)) {
    throw new AppError("forbidden", "You do not have permission to do this");
  }
}

/** Publisher ids the principal may write datasets for; `"all"` for site administrators. */
export function writablePublisherIds(principal: Principal | null): readonly number[] | "all" {
  if (!principal) return [];
  if (principal.siteAdmin) return "all";
  return [...principal.roles.keys()];
}
