import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "../../playwright.config";

/**
 * What staff do, in Chromium against the production server: the site administrator adds an
 * editor through the members page; the editor registers a dataset with two distributions through
 * the form, publishes it, finds it in the public search, edits it and sees the revision; a bad
 * submit shows field errors next to the fields with the values kept; another publisher's dataset
 * is forbidden. Every staff page is checked with axe-core (WCAG 2.1 AA) and saved as a screenshot.
 */

const SHOTS = path.resolve("test-results", "screenshots");
const ADMIN = { email: "admin@fjordcat.test", password: "correct-horse-battery-staple" };
const RUN = Date.now().toString(36);
const EDITOR = { email: `editor-${RUN}@fjordcat.test`, password: "fjord-editor-passphrase", name: `Eva Editor ${RUN}` };
/** A word no demo dataset has, so the public search finds exactly the new dataset. */
const WORD = `fjordtest${RUN}`;

test.describe.configure({ mode: "serial" });

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  // From the top, so sticky parts (the KPI preview) are drawn where a reader first sees them.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SHOTS, `staff-${name}.png`), fullPage: true });
}

async function signIn(page: Page, user: { email: string; password: string }, to = "/staff") {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(to)}`);
  const form = page.locator("main form").first();
  await form.getByLabel(/^(E-postadresse|E-mail address)$/).fill(user.email);
  await form.getByLabel(/^(Passord|Password)$/).fill(user.password);
  await form.getByRole("button", { name: /^(Logg inn|Sign in)$/ }).click();
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[/?]/g, "\\$&")}$`));
}

async function newPage(browser: Browser, locale: "nb" | "en" = "nb"): Promise<Page> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: E2E_BASE_URL }]);
  return context.newPage();
}

let datasetSlug = "";

test("the sign-in page refuses a wrong password, keeps the e-mail and is accessible", async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff$/);
  await expect(page.getByRole("heading", { level: 1, name: "Logg inn" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "sign-in");
  await page.getByLabel("E-postadresse").fill(ADMIN.email);
  await page.getByLabel("Passord").fill("not-the-password");
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "E-postadressen eller passordet er feil" })).toBeVisible();
  await expect(page.getByLabel("E-postadresse")).toHaveValue(ADMIN.email);
  await expect(page.getByLabel("Passord")).toHaveValue("");
  await expectAccessible(page);
  await page.context().close();
});

test("the site administrator adds an editor to Ålesund kommune through the members page", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, ADMIN);
  await expect(page.getByRole("heading", { level: 1, name: "Forvaltning" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Nettstedsadministrator");
  // The header says who is signed in and offers to sign out.
  await expect(page.getByRole("banner")).toContainText("Administrator");
  await expect(page.getByRole("banner").getByRole("button", { name: "Logg ut" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "home-admin");

  await page.getByRole("navigation", { name: "Forvaltning" }).getByRole("link", { name: "Utgivere" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Utgivere" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "publishers");

  await page.goto("/staff/publishers/alesund-kommune/members");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ålesund kommune");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Legg til", exact: true }) });
  await form.getByLabel("E-postadresse").fill(EDITOR.email);
  await form.getByLabel("Navn").fill(EDITOR.name);
  await form.getByLabel("Rolle").selectOption("editor");
  await form.getByLabel("Startpassord").fill(EDITOR.password);
  await form.getByRole("button", { name: "Legg til", exact: true }).click();
  await expect(form.getByRole("status")).toContainText("Medlemmet er lagt til");
  const row = page.getByRole("row", { name: new RegExp(EDITOR.name) });
  await expect(row).toBeVisible();
  await expect(row.getByLabel(`Rolle for ${EDITOR.name}`)).toHaveValue("editor");
  await expectAccessible(page);
  await screenshot(page, "members");
  await page.context().close();
});

test("the site administrator's publisher form says a bad organisation number next to the field", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, ADMIN, "/staff/publishers/new");
  await page.getByLabel("Navn (bokmål)").fill(`Testutgiver ${RUN}`);
  await page.getByLabel("Organisasjonsnummer").fill("123456789");
  await page.getByRole("button", { name: "Opprett utgiveren" }).click();
  const summary = page.locator(".ds-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Organisasjonsnummer");
  await expect(page.locator("#publisher-orgNumber-error")).toContainText("kontrollsiffer");
  await expect(page.getByLabel("Organisasjonsnummer")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Navn (bokmål)")).toHaveValue(`Testutgiver ${RUN}`);
  await expectAccessible(page);
  await screenshot(page, "publisher-errors");

  for (const url of ["/staff/users", "/staff/publishers/alesund-kommune/edit", "/staff/datasets", "/staff/tokens", "/staff/import"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto("/staff/users");
  await screenshot(page, "users");
  // Site administrators see the datasets that are not open on the KPI page, with a link to fix them.
  await page.goto("/kpi");
  await expect(page.locator("#kpi-staff")).toBeVisible();
  await expect(page.locator("section[aria-labelledby=kpi-staff] a").first()).toHaveAttribute("href", /^\/staff\/datasets\/[^/]+\/edit$/);
  await page.context().close();
});

test("an editor registers a dataset with two distributions, publishes it, finds it, edits it and sees the revision", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, EDITOR);
  await expect(page.locator("main")).toContainText("Redaktør");
  await expect(page.getByRole("navigation", { name: "Forvaltning" }).getByRole("link", { name: "Brukere" })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "home-editor");

  await page.getByRole("link", { name: "Registrer et datasett" }).click();
  await expect(page).toHaveURL(/\/staff\/datasets\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Registrer datasett" })).toBeVisible();
  const preview = page.getByRole("complementary", { name: "Forhåndsvisning" });
  await expect(preview).toContainText("Ikke åpne data");

  await page.getByRole("group", { name: "Tittel", exact: true }).getByLabel("Bokmål").fill(`Sykkelparkering ${WORD}`);
  await page.getByRole("group", { name: "Tittel", exact: true }).getByLabel("Engelsk").fill(`Bicycle parking ${WORD}`);
  await page.getByRole("group", { name: "Beskrivelse", exact: true }).getByLabel("Bokmål").fill("Sykkelparkeringer i Ålesund sentrum med antall plasser og tak.");
  await page.getByRole("group", { name: "Emneord", exact: true }).getByLabel("Bokmål").fill("sykkel, parkering");
  await page.getByRole("checkbox", { name: "Transport" }).check();
  await page.getByLabel("Lisens", { exact: true }).selectOption({ label: "Norsk lisens for offentlige data (NLOD) 2.0" });
  await page.getByLabel("Oppdateringsfrekvens").selectOption("ANNUAL");

  await page.getByRole("button", { name: "Legg til distribusjon" }).click();
  await expect(page.locator("#field-distributions-0-accessURL")).toBeFocused();
  await page.keyboard.type("https://data.alesund.kommune.no/sykkelparkering.geojson");
  await page.locator("#field-distributions-0-format").selectOption("GEOJSON");
  await page.getByRole("button", { name: "Legg til distribusjon" }).click();
  await page.locator("#field-distributions-1-accessURL").fill("https://data.alesund.kommune.no/sykkelparkering.csv");
  await page.locator("#field-distributions-1-format").selectOption("CSV");
  await page.locator("#field-distributions-1-mediaType").fill("text/csv");
  await page.getByRole("group", { name: "Tittel på distribusjonen" }).nth(1).getByLabel("Bokmål").fill("Som CSV");

  // Reorder from the keyboard: the CSV distribution moves up and focus follows it.
  await page.getByRole("button", { name: "Flytt opp Distribusjon 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#field-distributions-0-accessURL")).toHaveValue("https://data.alesund.kommune.no/sykkelparkering.csv");
  await expect(page.getByRole("button", { name: "Flytt ned Distribusjon 1" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "flyttet til plass 1 av 2" })).toBeAttached();

  await page.getByLabel("Navn", { exact: true }).fill("Kart og oppmåling");
  await page.getByLabel("E-postadresse", { exact: true }).fill("kart@alesund.kommune.no");
  await page.locator("#field-temporal-start").fill("2024-01-01");
  await page.getByRole("button", { name: "Legg til sted" }).click();
  await page.locator("#field-spatial-0-label").fill("Ålesund kommune");

  await expect(preview).toContainText("Når det publiseres, teller datasettet som åpne data.");
  await expect(preview).toContainText("Distribusjon 1: CSV");
  await expectAccessible(page);
  await screenshot(page, "dataset-form");

  await page.getByRole("button", { name: "Registrer datasettet" }).click();
  await expect(page).toHaveURL(/\/staff\/datasets\/sykkelparkering-[a-z0-9-]+\?saved=created$/);
  datasetSlug = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("status").filter({ hasText: "registrert som utkast" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Utkast");

  await page.getByRole("button", { name: "Publiser" }).click();
  await expect(page).toHaveURL(/\?saved=published$/);
  await expect(page.getByRole("region", { name: "Publisering" })).toContainText(`Publisert av ${EDITOR.email}`);
  await expect(page.locator("main")).toContainText("Dette er åpne data");

  await page.goto(`/datasets?q=${WORD}`);
  const result = page.getByRole("link", { name: new RegExp(`Sykkelparkering ${WORD}`) });
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Sykkelparkering ${WORD}`);
  await expect(page.locator("main")).toContainText("Som CSV");

  await page.goto(`/staff/datasets/${datasetSlug}/edit`);
  const title = page.getByRole("group", { name: "Tittel", exact: true }).getByLabel("Nynorsk");
  await expect(page.getByRole("group", { name: "Tittel", exact: true }).getByLabel("Bokmål")).toHaveValue(`Sykkelparkering ${WORD}`);
  await title.fill(`Sykkelparkering på nynorsk ${WORD}`);
  await expect(page.locator("#field-distributions-0-format")).toHaveValue("CSV");
  await page.getByRole("button", { name: "Lagre endringene" }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/datasets/${datasetSlug}\\?saved=updated$`));
  const history = page.getByRole("region", { name: "Endringshistorikk" });
  const latest = history.locator(".fc-revision").first();
  await expect(latest).toContainText("Endret");
  await expect(latest).toContainText(EDITOR.email);
  await expect(latest.getByRole("row", { name: /title\.nn/ })).toContainText(`Sykkelparkering på nynorsk ${WORD}`);
  await expect(history.locator(".fc-revision").nth(1)).toContainText("Publisert");
  // The slug never changes.
  expect(new URL(page.url()).pathname).toBe(`/staff/datasets/${datasetSlug}`);
  await expectAccessible(page);
  await screenshot(page, "dataset-view");

  await page.goto("/staff/datasets?state=published");
  await expect(page.getByRole("link", { name: `Sykkelparkering ${WORD}` })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "datasets");
  await page.context().close();
});

test("a bad submit shows the errors next to the fields and in a summary, and keeps the values", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, EDITOR, "/staff/datasets/new");
  await page.getByRole("group", { name: "Tittel", exact: true }).getByLabel("Bokmål").fill(`Uferdig ${WORD}`);
  await page.getByRole("button", { name: "Legg til distribusjon" }).click();
  await page.locator("#field-distributions-0-accessURL").fill("ikke en adresse");
  await page.locator("#field-contactPoint-email").fill("ikke-epost");
  await page.getByRole("button", { name: "Registrer datasettet" }).click();

  const summary = page.locator(".ds-error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: /Beskrivelse \(Bokmål\)/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Tema/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Distribusjon 1: Tilgangsadresse/ })).toBeVisible();
  await expect(page.locator("#field-distributions-0-accessURL-error")).toContainText("http:// eller https://");
  await expect(page.locator("#field-distributions-0-accessURL")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-description-nb-error")).toContainText("Må fylles ut");
  await expect(page.locator("#field-contactPoint-email-error")).toContainText("e-postadresse");
  // The values stay as typed.
  await expect(page.getByRole("group", { name: "Tittel", exact: true }).getByLabel("Bokmål")).toHaveValue(`Uferdig ${WORD}`);
  await expect(page.locator("#field-distributions-0-accessURL")).toHaveValue("ikke en adresse");
  // A summary link moves focus to its field.
  await summary.getByRole("link", { name: /Distribusjon 1: Tilgangsadresse/ }).click();
  await expect(page.locator("#field-distributions-0-accessURL")).toBeFocused();
  await expect(page).toHaveURL(/\/staff\/datasets\/new$/);
  await expectAccessible(page);
  await screenshot(page, "dataset-form-errors");
  await page.context().close();
});

test("another publisher's dataset is forbidden to the editor, and admin pages too", async ({ browser, request }) => {
  const other = (await (await request.get("/api/datasets?publisher=molde-kommune&limit=1")).json()) as { results: { slug: string }[] };
  const slug = other.results[0]!.slug;
  const page = await newPage(browser);
  await signIn(page, EDITOR);
  for (const url of [`/staff/datasets/${slug}`, `/staff/datasets/${slug}/edit`, "/staff/users", "/staff/publishers/new", "/staff/publishers/molde-kommune/members"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Du har ikke tilgang" })).toBeVisible();
  }
  await expectAccessible(page);
  await screenshot(page, "forbidden");
  // The editor's list holds only Ålesund kommune's datasets.
  await page.goto("/staff/datasets");
  await expect(page.getByRole("link", { name: `Sykkelparkering ${WORD}` })).toBeVisible();
  await expect(page.locator("tbody tr td:nth-child(2)").filter({ hasNotText: "Ålesund kommune" })).toHaveCount(0);
  await page.context().close();
});

test("the editor creates an API token, sees it once, and revokes it", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, EDITOR, "/staff/tokens");
  await page.getByLabel("Navn").fill("Eksport fra kartsystemet");
  await page.getByRole("button", { name: "Lag nøkkel" }).click();
  const secret = page.getByLabel("Den nye nøkkelen");
  await expect(secret).toHaveValue(/^fjc_/);
  const token = await secret.inputValue();
  const row = page.getByRole("row", { name: /Eksport fra kartsystemet/ });
  await expect(row).toContainText(token.slice(0, 8));
  await expect(row).toContainText("Aldri");
  await expectAccessible(page);
  await screenshot(page, "tokens");
  // The token works on the JSON API, with the editor's permissions.
  const api = await page.request.patch(`/api/datasets/${datasetSlug}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { landingPage: "https://www.alesund.kommune.no/sykkel" },
  });
  expect(api.status()).toBe(200);
  await page.reload();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Trekk tilbake «Eksport fra kartsystemet»" }).click();
  await expect(page.getByRole("row", { name: /Eksport fra kartsystemet/ })).toContainText("Trukket tilbake");
  const refused = await page.request.patch(`/api/datasets/${datasetSlug}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { landingPage: "https://example.org/" },
  });
  expect(refused.status()).toBe(401);
  await page.context().close();
});

test("the CSV import's dry run names every bad row and imports nothing", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, EDITOR, "/staff/import");
  const csv = [
    "title_nb,description_nb,publisher,themes,access_rights,license,distribution_1_access_url,distribution_1_format",
    `Badeplasser ${WORD},Badeplasser i Ålesund,alesund-kommune,ENVI,PUBLIC,NLOD_2_0,https://example.org/bad.csv,CSV`,
    `Uten tema ${WORD},Mangler tema,alesund-kommune,,PUBLIC,NLOD_2_0,not-a-url,CSV`,
  ].join("\n");
  await page.getByLabel("CSV-fil", { exact: true }).setInputFiles({ name: "datasett.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Sjekk filen" }).click();
  await expect(page.getByText("1 rad av 2 har feil")).toBeVisible();
  const errors = page.getByRole("table", { name: /Feil per rad/ });
  await expect(errors.getByRole("row", { name: /^3 themes/ })).toBeVisible();
  await expect(errors.getByRole("row", { name: /^3 distribution_1_access_url/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Importer/ })).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "import");
  await page.context().close();
});

test("the editor withdraws the dataset; it leaves the public catalogue and keeps its history", async ({ browser }) => {
  const page = await newPage(browser, "en");
  await signIn(page, EDITOR, `/staff/datasets/${datasetSlug}`);
  await page.getByRole("button", { name: "Withdraw" }).click();
  await expect(page).toHaveURL(/\?saved=withdrawn$/);
  await expect(page.locator("main")).toContainText("Withdrawn by");
  await expect(page.locator(".fc-revision").first()).toContainText("Withdrawn");
  await expectAccessible(page);
  await screenshot(page, "dataset-view-en");
  await page.goto(`/staff/datasets/${datasetSlug}/edit`);
  await expect(page.getByRole("group", { name: "Title", exact: true }).getByLabel("Bokmål")).toHaveValue(`Sykkelparkering ${WORD}`);
  await expectAccessible(page);
  await screenshot(page, "dataset-form-en");
  const publicPage = await page.request.get(`/datasets/${datasetSlug}`);
  expect(publicPage.status()).toBe(404);
  await page.context().close();
});
