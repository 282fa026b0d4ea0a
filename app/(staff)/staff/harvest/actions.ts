"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getPrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import type { HarvestSourceInputRaw } from "@/lib/harvest/schemas";
import { createHarvestSource, startHarvestSourceNow, updateHarvestSource } from "@/lib/harvest/sources";
import { failureState, formValues, nestedInput, type ActionState } from "../../_components/action-state";
import { SOURCE_FIELD_NAMES } from "./source-fields";

/** The form's text values as the harvest-source schema's input (the enabled flag is a yes/no choice). */
function sourceInput(values: Record<string, string>): HarvestSourceInputRaw {
  // The command validates it with harvestSourceInputSchema; missing fields become field errors.
  return { ...nestedInput(values, SOURCE_FIELD_NAMES), enabled: values.enabled !== "false" } as HarvestSourceInputRaw;
}

export async function createSourceAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const values = formValues(formData);
  let id: number;
  try {
    id = createHarvestSource(getDb(), { principal, input: sourceInput(values) }).id;
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath("/staff/harvest");
  redirect(`/staff/harvest/${id}`);
}

export async function updateSourceAction(id: number, _state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const values = formValues(formData);
  try {
    updateHarvestSource(getDb(), { principal, id, input: sourceInput(values) });
  } catch (error) {
    return failureState(error, values);
  }
  revalidatePath(`/staff/harvest/${id}`);
  return { status: "ok" };
}

/** Start the source's job now (or a dry run) and open the job's page, which follows it to its report. */
export async function runSourceAction(id: number, dryRun: boolean, _state: ActionState | null): Promise<ActionState> {
  const principal = await getPrincipal();
  let jobId: number;
  try {
    jobId = (await startHarvestSourceNow(getDb(), { principal, id, dryRun })).jobId;
  } catch (error) {
    return failureState(error);
  }
  revalidatePath(`/staff/harvest/${id}`);
  redirect(`/staff/harvest/jobs/${jobId}`);
}
