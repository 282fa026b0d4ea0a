import type { ComponentPropsWithoutRef, ReactNode } from "react";

/**
 * Designsystemet's HTML/CSS API (`@digdir/designsystemet-css` classes and data attributes) as small
 * server components. The React package's components are thin wrappers around the same markup, but
 * importing its barrel from server components ships the whole package (with its icon set, ~215 kB
 * gzipped) to the browser; these render identical HTML with no client JavaScript.
 */

type Size = "2xs" | "xs" | "sm" | "md" | "lg" | "xl" | "2xl";
type Color = "accent" | "neutral" | "success" | "warning" | "danger" | "info";

type HeadingProps = ComponentPropsWithoutRef<"h2"> & { level: 1 | 2 | 3 | 4; size?: Size };

export function Heading({ level, size, className, ...rest }: HeadingProps) {
  const Element = `h${level}` as const;
  return <Element className={cx("ds-heading", className)} data-size={size} {...rest} />;
}

type ParagraphProps = ComponentPropsWithoutRef<"p"> & { size?: "xs" | "sm" | "md" | "lg"; variant?: "long" | "short" };

export function Paragraph({ size, variant, className, ...rest }: ParagraphProps) {
  return <p className={cx("ds-paragraph", className)} data-size={size} data-variant={variant} {...rest} />;
}

type TagProps = ComponentPropsWithoutRef<"span"> & { color?: Color; size?: "sm" | "md" | "lg"; variant?: "outline" };

export function Tag({ color, size = "sm", variant, className, ...rest }: TagProps) {
  return <span className={cx("ds-tag", className)} data-color={color} data-size={size} data-variant={variant} {...rest} />;
}

type AlertProps = ComponentPropsWithoutRef<"div"> & { color?: Color };

export function Alert({ color = "info", className, ...rest }: AlertProps) {
  return <div className={cx("ds-alert", className)} data-color={color} {...rest} />;
}

type ButtonVariant = "primary" | "secondary" | "tertiary";
type ButtonProps = ComponentPropsWithoutRef<"button"> & { variant?: ButtonVariant; size?: "sm" | "md" | "lg" };

export function Button({ variant = "primary", size, className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={cx("ds-button", className)} data-variant={variant} data-size={size} {...rest} />;
}

type ButtonLinkProps = ComponentPropsWithoutRef<"a"> & { variant?: ButtonVariant; size?: "sm" | "md" | "lg"; children: ReactNode };

/** A link that looks like a button (downloads, "open the service"). */
export function ButtonLink({ variant = "primary", size, className, ...rest }: ButtonLinkProps) {
  return <a className={cx("ds-button", className)} data-variant={variant} data-size={size} {...rest} />;
}

export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
