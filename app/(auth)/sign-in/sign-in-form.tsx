"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { signInAction } from "../actions";
import type { SignInState } from "../sign-in-state";

/** E-mail and password; the failure (wrong details, or too many attempts) is said above the fields. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("Auth.signIn");
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) alertRef.current?.focus();
  }, [state]);
  const minutes = state?.retryAfterSeconds ? Math.max(1, Math.ceil(state.retryAfterSeconds / 60)) : undefined;
  return (
    <form action={formAction} className="fc-stack fc-sign-in__form">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state && (
        <div ref={alertRef} tabIndex={-1} className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">
            {state.status === "rate_limited"
              ? minutes
                ? t("rateLimitedMinutes", { minutes })
                : t("rateLimited")
              : t("invalid")}
          </p>
        </div>
      )}
      <div className="ds-field">
        <label htmlFor="sign-in-email" className="ds-label" data-weight="medium">
          {t("email")}
        </label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          className="ds-input"
          autoComplete="username"
          required
          spellCheck={false}
          defaultValue={state?.email ?? ""}
          aria-invalid={state?.status === "invalid" || undefined}
        />
      </div>
      <div className="ds-field">
        <label htmlFor="sign-in-password" className="ds-label" data-weight="medium">
          {t("password")}
        </label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          className="ds-input"
          autoComplete="current-password"
          required
          aria-invalid={state?.status === "invalid" || undefined}
        />
      </div>
      <div>
        <button type="submit" className="ds-button" data-variant="primary" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
