import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "@/lib/harvest/network-guard";
import { plainText, readDate, readEmail, readOrgNumber } from "@/lib/harvest/normalise";
import { detectSyntax } from "@/lib/harvest/parse-rdf";
import { validateRecord } from "@/lib/harvest/records";
import { fallbackThemes, themesFromNationalVocabularies } from "@/lib/harvest/theme-mappings";

describe("harvest readers", () => {
  it("reads dates the schema takes and refuses the rest", () => {
    expect(readDate("2017-10-19")).toBe("2017-10-19");
    expect(readDate("2017-10-19T12:30:00Z")).toBe("2017-10-19T12:30:00Z");
    expect(readDate("2017-10-19T12:30:00+0200")).toBe("2017-10-19T12:30:00+02:00");
    expect(readDate("2017-10-19T12:30:00")).toBe("2017-10-19");
    for (const bad of ["", "2017", "2017-13-01", "2017-02-30", "19.10.2017", "not a date"]) expect(readDate(bad)).toBeUndefined();
  });

  it("strips HTML and decodes entities (DCAT-US descriptions)", () => {
    expect(plainText('<DIV STYLE="x"><P><SPAN>Emplacement des v&eacute;los &amp; bus</SPAN></P></DIV>')).toBe("Emplacement des v&eacute;los & bus");
    expect(plainText("a &#229; b")).toBe("a å b");
  });

  it("reads e-mail addresses and organisation numbers from their usual spellings", () => {
    expect(readEmail("mailto:post@kartverket.no")).toBe("post@kartverket.no");
    expect(readEmail("Kartverket <post@kartverket.no>")).toBe("post@kartverket.no");
    expect(readEmail("sigevian")).toBeUndefined();
    expect(readOrgNumber("http://data.brreg.no/enhetsregisteret/enhet/971040238")).toBe("971040238");
    expect(readOrgNumber("971040238")).toBe("971040238");
    expect(readOrgNumber("971040239")).toBeUndefined();
  });

  it("tells loopback and private addresses from public ones", () => {
    for (const a of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1", "0.0.0.0"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["151.101.1.1", "8.8.8.8", "2a00:1450:4010::64"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("detects the syntax from the Content-Type, then the first bytes, then the extension", () => {
    expect(detectSyntax("text/turtle", "<?xml", "x")).toBe("turtle");
    expect(detectSyntax("text/plain", '<?xml version="1.0"?><rdf:RDF', "x")).toBe("rdfxml");
    expect(detectSyntax("", "@prefix dcat: <http://www.w3.org/ns/dcat#> .", "x")).toBe("turtle");
    expect(detectSyntax("application/json", '{"@context": {}}', "x")).toBe("json");
    expect(detectSyntax("application/octet-stream", "garbage", "https://x/catalog.rdf")).toBe("rdfxml");
    expect(detectSyntax("", "garbage", "https://x/catalog")).toBeUndefined();
  });

  it("maps Geonorge's national themes, else words, else GOVE with a warning", () => {
    expect(themesFromNationalVocabularies(["https://register.geonorge.no/metadata-kodelister/nasjonal-temainndeling/kartverket/samferdsel"])).toEqual(["TRAN"]);
    expect(fallbackThemes([], ["Sykkelparkering i sentrum"]).themes).toEqual(["TRAN"]);
    expect(fallbackThemes([], ["Årsrapport"]).themes).toEqual(["GOVE"]);
  });

  it("drops an invalid optional field with a warning, and fails a record without a title", () => {
    const warnings: string[] = [];
    const ok = validateRecord(
      { title: { nb: "T" }, description: { nb: "D" }, themes: ["ENVI"], accessRights: "PUBLIC", landingPage: "ftp://x" as string, state: "published" },
      warnings,
    );
    expect(ok.ok).toBe(true);
    expect(warnings.join()).toMatch(/landingPage dropped/);
    expect(validateRecord({ title: { nb: "" }, description: { nb: "D" }, themes: ["ENVI"], accessRights: "PUBLIC" }, []).ok).toBe(false);
  });
});
