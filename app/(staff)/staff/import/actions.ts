"use server";

import { revalidatePath } from "next/cache";
import { getPrincipal } from "@/lib/auth/session";
import { importDatasetsCsv } from "@/lib/catalogue/import-csv";
import { getDb } from "@/lib/database";
import { failureState, type ActionState } from "../../_components/action-state";

/**
 * Check (dry run) or import a CSV of datasets. The report lists every row's errors; the real run
 * imports all rows or none.
 */
export async function importCsvAction(_state: ActionState | null, formData: FormData): Promise<ActionState> {
  const principal = await getPrincipal();
  const csv = formData.get("csv");
  const dryRun = formData.get("mode") !== "import";
  if (typeof csv !== "string" || csv.trim() === "") {
    return { status: "invalid", fieldErrors: { csv: ["Choose a CSV file"] } };
  }
  try {
    const report = importDatasetsCsv(getDb(), principal, { csv, dryRun });
    if (!dryRun && report.created.length > 0) revalidatePath("/staff/datasets");
    return { status: report.errors.length > 0 ? "invalid" : "ok", result: report };
  } catch (error) {
    return failureState(error);
  }
}
