"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { addMember, createPublisherCommand, removeMember, setMemberRole, updatePublisher } from "@/lib/publishers/commands";
import { failureState, formValues, nestedInput, type ActionState } from "../../_components/action-state";

const PUBLISHER_FIELDS = ["slug", "name.nb", "name.nn", "name.en", "orgNumber", "homepage", "email"] as const;

/** Create a publisher (site administrators), then list the publishers. */
export async function createPublisherAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const values = formValues(formData);
  let slug: string;
  try {
    slug = createPublisherCommand(getDb(), principal, nestedInput(values, PUBLISHER_FIELDS)).slug;
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath("/staff/publishers");
  revalidatePath("/publishers");
  redirect(`/staff/publishers?saved=${encodeURIComponent(slug)}`);
}

/** Edit a publisher's details (site administrators); the slug never changes. */
export async function updatePublisherAction(slug: string, _state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const values = formValues(formData);
  try {
    updatePublisher(getDb(), principal, slug, nestedInput(values, PUBLISHER_FIELDS.filter((f) => f !== "slug")));
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath("/staff/publishers");
  revalidatePath(`/publishers/${slug}`);
  redirect(`/staff/publishers?saved=${encodeURIComponent(slug)}`);
}

/** Add a member to a publisher; a new e-mail creates the user with the initial password given. */
export async function addMemberAction(publisher: string, _state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const values = formValues(formData, ["password"]);
  try {
    await addMember(getDb(), principal, publisher, nestedInput(formValues(formData), ["email", "role", "name", "password"]));
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath(`/staff/publishers/${publisher}/members`);
  return { status: "ok" };
}

export async function setMemberRoleAction(publisher: string, userId: string, _state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  try {
    setMemberRole(getDb(), principal, publisher, userId, formData.get("role"));
  } catch (error) {
    return failureState(error, formValues(formData));
  }
  revalidatePath(`/staff/publishers/${publisher}/members`);
  return { status: "ok" };
}

export async function removeMemberAction(publisher: string, userId: string, _state: ActionState | null): Promise<ActionState> {
  const principal = await getPrincipal();
  try {
    removeMember(getDb(), principal, publisher, userId);
  } catch (error) {
    return failureState(error);
  }
  revalidatePath(`/staff/publishers/${publisher}/members`);
  return { status: "ok" };
}
