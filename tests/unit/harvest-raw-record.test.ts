import { describe, expect, it } from "vitest";
import { packRaw, unpackRaw } from "@/lib/harvest/raw-record";

/** The raw harvested record as catalogue_records keeps it (lib/harvest/raw-record.ts). */
describe("the raw harvested record", () => {
  const text = Array.from({ length: 60 }, (_, i) => `<https://data.example.org/datasets/${i}> <http://purl.org/dc/terms/title> "Badeplasser i Ålesund – «vannkvalitet» 🌊 ${i}"@nb .`).join("\n");

  it("is kept compressed and reads back as it was", () => {
    const { raw: packed, rawEncoding } = packRaw(text);
    expect(packed.byteLength).toBeLessThan(Buffer.byteLength(text) / 4);
    expect(unpackRaw(packed, rawEncoding)).toBe(text);
  });

  it("reads records stored before compression (text, or bytes without an encoding) as they are", () => {
    expect(unpackRaw(text, null)).toBe(text);
    expect(unpackRaw(new TextEncoder().encode(text), null)).toBe(text);
    expect(unpackRaw(null, null)).toBeNull();
  });
});
