import { describe, expect, it } from "vitest";
import { isValidOrgNumber, orgNumberSchema, publisherUriForOrgNumber } from "@/lib/publishers/org-number";

describe("organisation numbers", () => {
  it("accepts real organisation numbers (mod-11 check digit)", () => {
    for (const n of ["971040238", "942953119", "974760673", "991825827", "944183779"]) {
      expect(isValidOrgNumber(n), n).toBe(true);
    }
  });
  it("refuses a wrong check digit, wrong length and non-digits", () => {
    expect(isValidOrgNumber("971040239")).toBe(false);
    expect(isValidOrgNumber("97104023")).toBe(false);
    expect(isValidOrgNumber("9710402380")).toBe(false);
    expect(isValidOrgNumber("97104023x")).toBe(false);
  });
  it("reads numbers written with spaces", () => {
    expect(orgNumberSchema.parse("971 040 238")).toBe("971040238");
    expect(orgNumberSchema.safeParse("971 040 239").success).toBe(false);
  });
  it("gives the DCAT-AP-NO organisation URI", () => {
    expect(publisherUriForOrgNumber("971040238")).toBe(
      "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/971040238",
    );
  });
});
