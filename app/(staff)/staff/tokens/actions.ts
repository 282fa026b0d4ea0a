"use server";

import { revalidatePath } from "next/cache";
import { getPrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { createApiToken, revokeApiToken } from "@/lib/tokens/commands";
import { failureState, formValues, nestedInput, type ActionState } from "../../_components/action-state";

/** Create an API token for the signed-in user; the secret is returned once, to be shown once. */
export async function createTokenAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const values = formValues(formData);
  try {
    const { token } = createApiToken(getDb(), principal, nestedInput(values, ["name"]));
    revalidatePath("/staff/tokens");
    return { status: "ok", secret: token };
  } catch (error) {
    return failureState(error, values);
  }
}

export async function revokeTokenAction(id: string, _state: ActionState | null): Promise<ActionState> {
  const principal = await getPrincipal();
  try {
    revokeApiToken(getDb(), principal, id);
  } catch (error) {
    return failureState(error);
  }
  revalidatePath("/staff/tokens");
  return { status: "ok" };
}
