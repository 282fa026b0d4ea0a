import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "../../playwright.config";

/**
 * Harvesting in the staff area: the site administrator registers a DCAT source (a Turtle feed this
 * test serves over HTTP), harvests it now, follows the running job on its page (the feed is held
 * back until then) to its report, and finds the harvested datasets in the public search; the
 * harvested dataset's staff view is read-only. Axe-checked, screenshotted.
 */
const SHOTS = path.resolve("test-results", "screenshots");
const ADMIN = { email: "admin@fjordcat.test", password: "correct-horse-battery-staple" };
const RUN = Date.now().toString(36);
const WORD = `hostetest${RUN}`;
const EU = "http://publications.europa.eu/resource/authority";

const FEED = `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<https://example.org/${RUN}/catalog> a dcat:Catalog ; dct:title "Testkatalog"@nb ;
  dcat:dataset <https://example.org/${RUN}/ds/1>, <https://example.org/${RUN}/ds/2> .
<https://example.org/${RUN}/ds/1> a dcat:Dataset ; dct:title "Badeplasser ${WORD}"@nb ;
  dct:description "Badeplasser med vannkvalitet."@nb ; dcat:theme <${EU}/data-theme/ENVI> ;
  dct:accessRights <${EU}/access-right/PUBLIC> ; dct:license <${EU}/licence/NLOD_2_0> ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://example.org/bad.csv> ; dct:format <${EU}/file-type/CSV> ] .
<https://example.org/${RUN}/ds/2> a dcat:Dataset ; dct:title "Turstier ${WORD}"@nb ;
  dct:description "Merkede turstier."@nb ; dcat:theme <${EU}/data-theme/TRAN> ;
  dct:accessRights <${EU}/access-right/PUBLIC> ; dct:license <${EU}/licence/CC_BY_4_0> ;
  dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://example.org/tur.geojson> ; dct:format <${EU}/file-type/GEOJSON> ] .
`;

let server: http.Server;
let feedUrl = "";
/** The feed's answer waits for this (the test lets it go once it has seen the job running). */
let releaseFeed!: () => void;
const feedReleased = new Promise<void>((resolve) => (releaseFeed = resolve));

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/turtle; charset=utf-8" });
    res.write(FEED.slice(0, 200));
    void feedReleased.then(() => res.end(FEED.slice(200)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalog.ttl`;
});
test.afterAll(() => {
  releaseFeed();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `staff-${name}.png`), fullPage: true });
}

test("the site administrator registers a source, harvests it and reads the report", async ({ browser }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: "nb", url: E2E_BASE_URL }]);
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=%2Fstaff%2Fharvest");
  const signIn = page.locator("main form").first();
  await signIn.getByLabel(/^E-postadresse$/).fill(ADMIN.email);
  await signIn.getByLabel(/^Passord$/).fill(ADMIN.password);
  await signIn.getByRole("button", { name: /^Logg inn$/ }).click();
  await expect(page).toHaveURL(/\/staff\/harvest$/);
  await expect(page.getByRole("heading", { level: 1, name: "Høsting" })).toBeVisible();

  // A bad address is said next to the field, and nothing is registered.
  await page.getByLabel(/^Navn/).fill(`Testkilde ${RUN}`);
  await page.getByLabel("Adresse (URL)").fill("ftp://example.org/feed");
  await page.getByRole("button", { name: "Registrer kilden" }).click();
  await expect(page.locator(".ds-validation-message", { hasText: "http:// eller https://" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Adresse (URL)").fill(feedUrl);
  await page.getByLabel("Utgiver").selectOption("alesund-kommune");
  await page.getByRole("button", { name: "Registrer kilden" }).click();
  await expect(page).toHaveURL(/\/staff\/harvest\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: `Testkilde ${RUN}` })).toBeVisible();
  await expectAccessible(page);

  // The job's page opens while the job runs (the feed is still being read), and follows it.
  await page.getByRole("button", { name: "Høst nå" }).click();
  await expect(page).toHaveURL(/\/staff\/harvest\/jobs\/\d+$/, { timeout: 30_000 });
  await expect(page.getByText("Pågår", { exact: true })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(/Leser kilden \(side 1\)/);
  // The page's title comes with its streamed metadata, a moment after a navigation's content.
  await expect(page).toHaveTitle(/^Høstejobb \d+/);
  await expectAccessible(page);
  await screenshot(page, "harvest-job-running");
  // The source's page (in a second tab) lists the job as running; both pages follow it to its end.
  const sourcePage = await context.newPage();
  await sourcePage.goto(new URL(await page.getByRole("link", { name: `Testkilde ${RUN}` }).getAttribute("href") ?? "", E2E_BASE_URL).href);
  await expect(sourcePage.getByRole("table").getByText("Pågår", { exact: true })).toBeVisible();
  releaseFeed();
  await expect(page.getByText("Vellykket")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("status")).toHaveCount(0);
  const counts = page.getByRole("table", { name: "Hva jobben gjorde" });
  await expect(counts.getByRole("cell").first()).toHaveText("2");
  await expectAccessible(page);
  await screenshot(page, "harvest-job");
  await expect(sourcePage.getByRole("table").getByText("Vellykket")).toBeVisible({ timeout: 15_000 });
  await screenshot(sourcePage, "harvest-source");
  await sourcePage.close();

  // The harvested datasets are in the public catalogue, and read-only for staff.
  await page.goto(`/datasets?q=${WORD}`);
  await expect(page.getByRole("link", { name: `Badeplasser ${WORD}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Turstier ${WORD}` })).toBeVisible();
  await page.goto(`/staff/datasets?q=${WORD}`);
  await page.getByRole("link", { name: `Badeplasser ${WORD}` }).click();
  await expect(page.getByText(`Testkilde ${RUN}`).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Trekk tilbake" })).toHaveCount(0);
  // The record as the source described it is kept (compressed) and shown on request.
  await page.getByText(/^Posten slik den ble høstet \(text\/turtle, [\d.]+ KB\)$/).click();
  await expect(page.locator(".fc-harvested-record pre")).toContainText(`<https://example.org/${RUN}/ds/1> a dcat:Dataset ;\n    dct:title "Badeplasser ${WORD}"@nb ;`);
  await expect(page).toHaveTitle(/^Datasett/);
  await expectAccessible(page);
  await screenshot(page, "harvested-dataset");
  await context.close();
});
