import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "../../playwright.config";

/**
 * What a citizen sees: home, search with facets, a dataset page and a publisher page, in Bokmål
 * and English, checked with axe-core (WCAG 2.1 AA) and saved as screenshots for people to look at.
 */
const SHOTS = path.resolve("test-results", "screenshots");

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function useLanguage(page: Page, locale: "nb" | "en") {
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_BASE_URL }]);
}

for (const locale of ["nb", "en"] as const) {
  test.describe(`in ${locale}`, () => {
    test.beforeEach(async ({ page }) => useLanguage(page, locale));

    test("the home page says what the portal is and shows the catalogue's figures", async ({ page }) => {
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        locale === "nb" ? "Finn åpne data fra Ålesund-regionen" : "Find open data from the Ålesund region",
      );
      await expect(page.getByRole("link", { name: /150/ }).first()).toBeVisible();
      await expect(page.getByRole("searchbox").or(page.getByRole("textbox")).first()).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `home-${locale}`);
    });

    test("the search page filters by facets from the keyboard and keeps the state in the URL", async ({ page }) => {
      await page.goto("/datasets");
      await expect(page.getByRole("heading", { level: 2, name: locale === "nb" ? "150 datasett" : "150 datasets" })).toBeVisible();
      const facet = page.getByRole("link", { name: locale === "nb" ? /^Miljø/ : /^Environment/ }).first();
      await facet.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/theme=ENVI/);
      await expect(page.getByRole("heading", { level: 2, name: locale === "nb" ? "50 datasett" : "50 datasets" })).toBeVisible();
      await expectAccessible(page);
      await screenshot(page, `search-${locale}`);
      await page.goBack();
      await expect(page).not.toHaveURL(/theme=ENVI/);
      await expect(page.getByRole("heading", { level: 2, name: locale === "nb" ? "150 datasett" : "150 datasets" })).toBeVisible();
    });

    test("a dataset page shows its title, publisher, access rights, licence and distributions", async ({ page }) => {
      await page.goto("/datasets/kvikkleire");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "nb" ? "Kvikkleire" : "Quick clay hazard zones");
      await expect(page.getByRole("link", { name: /Norges vassdrags- og energidirektorat|Norwegian Water Resources/ }).first()).toBeVisible();
      const body = page.locator("main");
      await expect(body).toContainText(locale === "nb" ? "Norsk lisens for offentlige data" : "Norwegian Licence for Open Government Data");
      await expect(body).toContainText("SOSI");
      await expect(body).toContainText(locale === "nb" ? "Åpne data" : "Open data");
      for (const [type, ext] of [["text/turtle", "ttl"], ["application/rdf+xml", "rdf"], ["application/ld+json", "jsonld"]]) {
        await expect(page.locator(`link[rel="alternate"][type="${type}"]`)).toHaveAttribute("href", new RegExp(`/datasets/kvikkleire\\.${ext}$`));
      }
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
      expect(jsonLd["@type"]).toBe("Dataset");
      expect(jsonLd.distribution.length).toBe(2);
      await expectAccessible(page);
      await screenshot(page, `dataset-${locale}`);
    });

    test("a restricted dataset says why it does not count as open", async ({ page }) => {
      await page.goto("/datasets/fkb-bygning");
      const body = page.locator("main");
      await expect(body).toContainText(locale === "nb" ? "Begrenset" : "Restricted");
      await expect(body).toContainText("Norge digitalt");
      await expectAccessible(page);
    });

    test("a publisher page lists its datasets", async ({ page }) => {
      await page.goto("/publishers/kartverket");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "nb" ? "Kartverket" : "Norwegian Mapping Authority");
      await expect(page.locator("main")).toContainText("971040238");
      await expect(page.locator("main")).toContainText("46");
      await expectAccessible(page);
      await screenshot(page, `publisher-${locale}`);
    });
  });
}

test("the language switcher changes the language and keeps the page", async ({ page }) => {
  await useLanguage(page, "nb");
  await page.goto("/datasets/arealplaner");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page).toHaveURL(/\/datasets\/arealplaner$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Land-use plans");
});

test("paging works without JavaScript and deep pages answer", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/datasets?limit=20");
  await page.getByRole("link", { name: /^(Neste|Next)/ }).first().click();
  await expect(page).toHaveURL(/page=2/);
  await page.goto("/datasets?page=8&limit=20");
  await expect(page.locator("main")).toContainText(/150/);
  await context.close();
});

test("a misspelt search finds the dataset, marks the matched words and says what it searched", async ({ page }) => {
  await useLanguage(page, "nb");
  await page.goto("/datasets?q=kvikleire");
  const first = page.locator(".fc-result").first();
  await expect(first.getByRole("heading")).toHaveText("Kvikkleire");
  await expect(first.locator("mark").first()).toHaveText(/kvikkleire/i);
  await expect(page.getByRole("status")).toContainText("«kvikkleire»");
  await expectAccessible(page);
});

test("a search with no dataset holding every word falls back to partial matches and says so", async ({ page }) => {
  await useLanguage(page, "en");
  await page.goto("/datasets?q=kvikkleire+zebrastripes");
  await expect(page.getByRole("status")).toContainText("No dataset contains all the words");
  await expect(page.locator(".fc-result").first().getByRole("heading")).toHaveText("Quick clay hazard zones");
});

test("a page served from the page cache carries its own nonce, runs its scripts and is never served to staff", async ({ page, request }) => {
  const path = "/datasets?q=vann&theme=ENVI";
  const document = { accept: "text/html,application/xhtml+xml", "accept-language": "en-US,en;q=0.9" };
  await request.get(path, { headers: document });
  const cached = await request.get(path, { headers: document });
  expect(cached.headers()["x-fjordcat-cache"]).toBe("hit");
  const again = await request.get(path, { headers: document });
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const [first, second] = [nonceOf(cached.headers()["content-security-policy"]), nonceOf(again.headers()["content-security-policy"])];
  expect(first).toBeTruthy();
  expect(first).not.toBe(second);
  const html = await cached.text();
  const nonces = new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
  expect([...nonces]).toEqual([first]);

  // A cached page in the browser: its scripts run under the CSP (the facet links navigate on the client).
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(path);
  expect(response?.headers()["x-fjordcat-cache"]).toBe("hit");
  // The inline scripts ran (they fill Next.js's payload queue): a wrong nonce would have blocked them.
  expect(await page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f))).toBe(true);
  expect(violations).toEqual([]);

  // A signed-in visitor's request is never answered from it.
  const staff = await request.get(path, { headers: { ...document, cookie: "authjs.session-token=not-a-session" } });
  expect(staff.headers()["x-fjordcat-cache"]).toBeUndefined();
  // Nor the client router's fetches of a page's RSC payload.
  const payload = await request.get(path, { headers: { accept: "*/*", rsc: "1" } });
  expect(payload.headers()["x-fjordcat-cache"]).toBeUndefined();
});
