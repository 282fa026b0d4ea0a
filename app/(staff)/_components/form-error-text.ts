"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "./action-state";

/**
 * A failed action's message in the reader's language: the common codes have their own text; for
 * conflicts and other specific refusals the command's own message says what happened.
 */
export function useFormErrorText(): (state: ActionState) => string {
  const t = useTranslations("Staff.errors");
  return (state) => {
    switch (state.code) {
      case "unauthorized":
        return t("unauthorized");
      case "forbidden":
        return t("forbidden");
      case "not_found":
        return t("notFound");
      case "too_many_requests":
        return t("tooManyRequests");
      case "unprocessable_entity":
        return t("invalid");
      case undefined:
      case "internal":
      case "unavailable":
        return t("internal");
      default:
        return state.formError ?? t("internal");
    }
  };
}
