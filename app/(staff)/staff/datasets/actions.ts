"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrincipal } from "@/lib/auth/session";
import { changeDatasetState, registerDataset, updateDataset } from "@/lib/catalogue/commands";
import { getStaffDataset } from "@/lib/catalogue/staff-queries";
import { getDb } from "@/lib/database";
import { failureState, type ActionState } from "../../_components/action-state";

function parseDataset(formData: FormData): unknown {
  const text = formData.get("dataset");
  if (typeof text !== "string") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Register a new dataset from the form, then show its staff view. */
export async function createDatasetAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  let slug: string;
  try {
    slug = registerDataset(getDb(), principal, parseDataset(formData) ?? {}).slug;
  } catch (error) {
    return failureState(error);
  }
  revalidatePath("/staff/datasets");
  redirect(`/staff/datasets/${slug}?saved=created`);
}

/**
 * Replace a dataset's metadata from the form (the slug never changes), then show its staff view.
 * The form never changes the publication state (the workflow buttons do): the state stored now is
 * kept, even if someone published or withdrew the dataset while the form was open.
 */
export async function updateDatasetAction(slug: string, _state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const db = getDb();
  let changed: boolean;
  try {
    const input = parseDataset(formData);
    const { state } = getStaffDataset(db, principal, slug);
    const withState = input && typeof input === "object" && !Array.isArray(input) ? { ...input, state } : (input ?? {});
    changed = updateDataset(db, principal, slug, withState).changed;
  } catch (error) {
    return failureState(error);
  }
  revalidatePath("/staff/datasets");
  revalidatePath(`/datasets/${slug}`);
  redirect(`/staff/datasets/${slug}?saved=${changed ? "updated" : "unchanged"}`);
}

/** Publish, withdraw or return a dataset to draft. */
export async function changeStateAction(slug: string, _state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const state = String(formData.get("state") ?? "");
  try {
    changeDatasetState(getDb(), principal, slug, state);
  } catch (error) {
    return failureState(error);
  }
  revalidatePath("/staff/datasets");
  revalidatePath(`/datasets/${slug}`);
  redirect(`/staff/datasets/${slug}?saved=${state}`);
}
