import { z } from "zod";

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Whether a Norwegian organisation number (Enhetsregisteret) is valid: nine digits, the last a
 * modulus-11 check digit over the first eight with weights 3 2 7 6 5 4 3 2.
 */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digit = (i: number) => value.charCodeAt(i) - 48;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += WEIGHTS[i]! * digit(i);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === digit(8);
}

/** Accepts "974 760 673" or "974760673"; yields the nine digits. */
export const orgNumberSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ""))
  .refine(isValidOrgNumber, {
    message: "Organisation number must be 9 digits with a valid check digit (mod 11)",
  });

const ORGANIZATION_CATALOG = "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/";

/** The publisher URI DCAT-AP-NO asks for when the organisation number is known. */
export function publisherUriForOrgNumber(orgNumber: string): string {
  return `${ORGANIZATION_CATALOG}${orgNumber}`;
}
