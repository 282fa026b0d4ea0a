"use server";

import { revalidatePath } from "next/cache";
import { getPrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { createUser } from "@/lib/users/commands";
import { failureState, formValues, nestedInput, type ActionState } from "../../_components/action-state";

/** Create a user with a role (site administrators). */
export async function createUserAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const values = formValues(formData, ["password"]);
  try {
    const { email } = await createUser(getDb(), principal, nestedInput(formValues(formData), ["email", "name", "password", "role", "publisher"]));
    revalidatePath("/staff/users");
    return { status: "ok", message: undefined, values: { email } };
  } catch (error) {
    return failureState(error, values);
  }
}
