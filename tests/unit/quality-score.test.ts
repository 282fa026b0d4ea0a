import { describe, expect, it } from "vitest";
import { qualityHint } from "@/lib/quality/hints";
import { qualityBand, scoreDatasetQuality, QUALITY_CHECKS, QUALITY_MAX_POINTS, type QualityFacts } from "@/lib/quality/score";

const NLOD = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";
const at = "2026-11-01T10:00:00.000Z";

/** Fixture: well described, one good CSV and one PDF whose link is broken. */
const wellDescribed: QualityFacts = {
  keywords: 3,
  themes: 1,
  spatial: 1,
  temporalStart: "2020-01-01",
  temporalEnd: null,
  license: NLOD,
  accessRights: "PUBLIC",
  hasContactPoint: true,
  hasPublisher: true,
  issued: "2020-01-01",
  modified: "2026-10-01",
  hasTitle: true,
  hasDescription: true,
  distributions: [
    {
      accessUrl: "https://example.org/a.csv",
      downloadUrl: "https://example.org/a.csv",
      format: "CSV",
      mediaType: "text/csv",
      license: null,
      byteSize: 1000,
      accessCheck: { ok: true, status: 200, checkedAt: at },
      downloadCheck: { ok: true, status: 200, checkedAt: at },
    },
    {
      accessUrl: "https://example.org/a.pdf",
      downloadUrl: null,
      format: "PDF",
      mediaType: "application/pdf",
      license: null,
      byteSize: null,
      accessCheck: { ok: false, status: 404, checkedAt: "2026-10-30T10:00:00.000Z" },
      downloadCheck: null,
    },
  ],
};

/** Fixture: sparse; one WMS never checked, restricted, no licence, no contact point. */
const sparse: QualityFacts = {
  keywords: 0,
  themes: 1,
  spatial: 0,
  temporalStart: null,
  temporalEnd: null,
  license: null,
  accessRights: "RESTRICTED",
  hasContactPoint: false,
  hasPublisher: true,
  issued: null,
  modified: null,
  hasTitle: true,
  hasDescription: true,
  distributions: [
    {
      accessUrl: "https://example.org/wms",
      downloadUrl: null,
      format: "WMS_SRVC",
      mediaType: null,
      license: null,
      byteSize: null,
      accessCheck: null,
      downloadCheck: null,
    },
  ],
};

describe("metadata quality after the data.europa.eu MQA", () => {
  it("has the MQA weights: 405 points in five dimensions", () => {
    const max = (dimension: string) =>
      Object.values(QUALITY_CHECKS).filter((c) => c.dimension === dimension).reduce((n, c) => n + c.points, 0);
    expect([max("findability"), max("accessibility"), max("interoperability"), max("reusability"), max("contextuality")]).toEqual([100, 100, 110, 75, 20]);
    expect(Object.values(QUALITY_CHECKS).reduce((n, c) => n + c.points, 0)).toBe(QUALITY_MAX_POINTS);
  });

  it("scores the well-described fixture as computed by hand: 347.5, Good", () => {
    // Findability 30+30+20+20 = 100. Accessibility: accessURL answers 1 of 2 → 25, downloadURL 1 of 2 → 10,
    // downloadURL answers 1 of 2 → 15 = 50. Interoperability, best distribution (CSV): 20+10+10+20+20,
    // DCAT-AP 30 = 110. Reusability 20+10+10+5+20+10 = 75. Contextuality: rights 0, byteSize 1 of 2 → 2.5,
    // issued 5, modified 5 = 12.5. Total 347.5 → 348 → Good (221–350).
    const q = scoreDatasetQuality(wellDescribed);
    expect(q.dimensions).toEqual({
      findability: { points: 100, max: 100 },
      accessibility: { points: 50, max: 100 },
      interoperability: { points: 110, max: 110 },
      reusability: { points: 75, max: 75 },
      contextuality: { points: 12.5, max: 20 },
    });
    expect(q.score).toBe(347.5);
    expect(q.band).toBe("good");
    expect(q.urlsCheckedAt).toBe("2026-10-30T10:00:00.000Z");
    expect(q.missing).toEqual(["accessUrlAnswers", "downloadUrlAnswers", "downloadUrl", "rights", "byteSize"]);
  });

  it("scores the sparse fixture as computed by hand: 135, Sufficient, with the network check pending", () => {
    // Findability: theme 30. Accessibility 0 (never checked, no downloadURL). Interoperability (WMS):
    // format 20, mediaType 0, from vocabulary 10, non-proprietary 20, machine-readable 0, DCAT-AP 30 = 80.
    // Reusability: accessRights 10 + 5, publisher 10 = 25. Contextuality 0. Total 135 → Sufficient.
    const q = scoreDatasetQuality(sparse);
    expect(q.score).toBe(135);
    expect(q.band).toBe("sufficient");
    expect(q.checks.find((c) => c.check === "accessUrlAnswers")).toMatchObject({ points: 0, pending: true });
    expect(q.urlsCheckedAt).toBeNull();
    expect(q.missing.slice(0, 3)).toEqual(["accessUrlAnswers", "keyword", "downloadUrlAnswers"]);
  });

  it("scores a dataset without distributions: 215, Sufficient", () => {
    // Findability 100, Accessibility 0, Interoperability DCAT-AP 30, Reusability 75, Contextuality issued+modified 10.
    const q = scoreDatasetQuality({ ...wellDescribed, distributions: [] });
    expect(q.score).toBe(215);
    expect(q.band).toBe("sufficient");
  });

  it("puts scores in the MQA bands", () => {
    expect([0, 120, 120.4, 121, 220, 221, 350, 350.4, 351, 405].map(qualityBand)).toEqual([
      "bad", "bad", "bad", "sufficient", "sufficient", "good", "good", "good", "excellent", "excellent",
    ]);
  });

  it("has a hint in both languages for every check", () => {
    for (const check of Object.keys(QUALITY_CHECKS) as (keyof typeof QUALITY_CHECKS)[]) {
      expect(qualityHint(check, "nb").length).toBeGreaterThan(10);
      expect(qualityHint(check, "en").length).toBeGreaterThan(10);
    }
  });
});
