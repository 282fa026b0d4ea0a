"use client";

import { useActionState } from "react";
import type { ActionState } from "./action-state";
import { useFormErrorText } from "./form-error-text";

type Props = {
  action: (state: ActionState | null, formData: FormData) => Promise<ActionState>;
  label: string;
  /** Said to screen readers after the label, naming what the button acts on ("Remove" … "Eva"). */
  labelSuffix?: string;
  pendingLabel?: string;
  hidden?: Record<string, string>;
  variant?: "primary" | "secondary" | "tertiary";
  danger?: boolean;
  /** Asked with the browser's confirm dialog before the action runs. */
  confirm?: string;
};

/** One button that runs a server action (publish, revoke, remove), with its error said beside it. */
export function ActionButton({ action, label, labelSuffix, pendingLabel, hidden, variant = "secondary", danger, confirm }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const formErrorText = useFormErrorText();
  return (
    <form
      action={formAction}
      className="fc-action-button"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {hidden && Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className="ds-button" data-variant={variant} data-color={danger ? "danger" : undefined} disabled={pending}>
        {pending && pendingLabel ? pendingLabel : label}
        {labelSuffix && <span className="ds-sr-only"> {labelSuffix}</span>}
      </button>
      {state && state.status !== "ok" && (
        <p className="ds-validation-message" data-color="danger" role="alert">
          {formErrorText(state)}
        </p>
      )}
      {state?.status === "ok" && state.message && (
        <p className="ds-validation-message" data-color="success" role="status">
          {state.message}
        </p>
      )}
    </form>
  );
}
