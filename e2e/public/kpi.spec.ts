import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

type Kpi = {
  scope: { publisher: string | null; theme: string | null; source: number | null };
  openPublished: number;
  inventory: number;
  percent: number | null;
  computedAt: string;
  notOpen: { unpublished: number; restrictedAccess: number; noOpenLicence: number; noMachineReadableDistribution: number };
};

test("/kpi.json answers the contract shape, with CORS and caching", async ({ request }) => {
  const response = await request.get("/kpi.json");
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["cache-control"]).toMatch(/max-age=\d+/);
  const kpi = (await response.json()) as Kpi;
  expect(Object.keys(kpi).sort()).toEqual(["computedAt", "inventory", "notOpen", "openPublished", "percent", "scope"]);
  expect(Object.keys(kpi.notOpen).sort()).toEqual(["noMachineReadableDistribution", "noOpenLicence", "restrictedAccess", "unpublished"]);
  expect(kpi.scope).toEqual({ publisher: null, theme: null, source: null });
  expect(kpi.inventory).toBe(150);
  expect(kpi.openPublished).toBeGreaterThan(0);
  expect(kpi.percent).toBe(Math.round((kpi.openPublished / kpi.inventory) * 10000) / 100);

  const scoped = (await (await request.get("/kpi.json?publisher=kartverket&theme=envi")).json()) as Kpi;
  expect(scoped.scope).toEqual({ publisher: "kartverket", theme: "ENVI", source: null });
  expect(scoped.inventory).toBeLessThanOrEqual(kpi.inventory);
});

test("/kpi.json refuses a bad or unknown scope with a 400 naming the parameter", async ({ request }) => {
  for (const [query, field] of [
    ["theme=XYZ", "theme"],
    ["publisher=no-such-publisher", "publisher"],
    ["source=999", "source"],
    ["source=abc", "source"],
    ["page=1", "page"],
  ] as const) {
    const response = await request.get(`/kpi.json?${query}`);
    expect(response.status(), query).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("bad_request");
    expect(Object.keys(body.error.fields), query).toContain(field);
  }
});

test("/kpi.csv has a header, a line for the catalogue and one per publisher and theme", async ({ request }) => {
  const response = await request.get("/kpi.csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
  expect(response.headers()["content-disposition"]).toMatch(/attachment; filename=".+\.csv"/);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const lines = (await response.text()).trim().split("\r\n");
  expect(lines[0]).toMatch(/^scope,name,inventory,open_published,percent,/);
  expect(lines[1]).toMatch(/^catalogue,,150,/);
  expect(lines.some((l) => l.startsWith("publisher:kartverket,Kartverket,"))).toBe(true);
  expect(lines.some((l) => l.startsWith("theme:ENVI,"))).toBe(true);
  const history = await request.get("/kpi.csv?history=1");
  expect(history.status()).toBe(200);
  expect((await history.text()).split("\r\n")[0]).toMatch(/^date,scope,inventory,open_published,percent,/);
});

test("the KPI page shows the factsheet figures, the breakdowns and the method, accessibly", async ({ page, request }) => {
  const kpi = (await (await request.get("/kpi.json")).json()) as Kpi;
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: "http://localhost" }]);
  await page.goto("/kpi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data: key figures");
  const figures = page.locator(".fc-kpi-figures").first();
  await expect(figures.getByText("Open Data Sets Published")).toBeVisible();
  await expect(figures.getByText("Open Data Sets %")).toBeVisible();
  await expect(figures.getByText(String(kpi.openPublished), { exact: true })).toBeVisible();
  await expect(figures.getByText(`${kpi.percent!.toFixed(2)} %`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Open datasets by publisher" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Open datasets by EU theme" })).toBeVisible();
  await expect(page.getByText(/EC:ICT:PS:1A/).first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Licences that count as open, and why" })).toContainText("NLOD");
  // No sign-in yet: the staff list is not shown.
  await expect(page.getByRole("heading", { name: /for staff/ })).toHaveCount(0);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});
