import { AppError } from "@/lib/errors";

/** `/kpi.csv` takes only `history` (1/true: every daily snapshot; absent or 0/false: the KPI now). */
export function parseKpiCsvParams(params: URLSearchParams): { history: boolean } {
  const unknown = [...new Set(params.keys())].filter((k) => k !== "history");
  const values = params.getAll("history");
  const fields: Record<string, string[]> = {};
  for (const key of unknown) fields[key] = ["Unknown parameter; /kpi.csv takes only history=1"];
  if (values.length > 1 || (values[0] !== undefined && !["1", "0", "true", "false", ""].includes(values[0]))) {
    fields.history = ["Use history=1 for the daily history"];
  }
  if (Object.keys(fields).length > 0) throw new AppError("bad_request", "The CSV parameters are not valid", { fields });
  return { history: values[0] === "1" || values[0] === "true" };
}
