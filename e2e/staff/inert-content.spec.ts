import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

/**
 * HTML and script in any text field are inert on every page: a dataset whose title, description,
 * keywords and contact carry markup is registered through the API, then every page that shows it
 * is opened in Chromium. No script runs (no dialog, no global set), no injected element exists, the
 * text reads literally, and the Content-Security-Policy is sent.
 */
const CLI_ENV: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "file:./.tmp/e2e/catalogue.db", NODE_ENV: "development" };
const cli = (script: string, args: string[]) =>
  execFileSync("npx", ["tsx", `scripts/${script}.ts`, ...args], { env: CLI_ENV, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

const run = Math.random().toString(36).slice(2, 7);
const XSS = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
let slug: string;

test.beforeAll(async ({ request }) => {
  const email = `xss-${run}@example.org`;
  cli("user", ["create", "--email", email, "--password", "correct-horse-battery-staple", "--role", "editor", "--publisher", "molde-kommune"]);
  const token = cli("token", ["create", "--email", email]);
  const response = await request.post("/api/datasets", {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      title: { nb: `Skummel ${run} ${XSS}` },
      description: {
        nb: `Første avsnitt med **fet** tekst.\n\n${XSS}\n\n[klikk](javascript:window.__pwned=3) og <a href="javascript:window.__pwned=4">lenke</a>`,
      },
      keywords: { nb: [`nøkkel ${XSS}`] },
      publisher: "molde-kommune",
      themes: ["GOVE"],
      accessRights: "PUBLIC",
      license: "http://publications.europa.eu/resource/authority/licence/NLOD_2_0",
      contactPoint: { name: `Kontakt ${XSS}`, email: "post@example.org" },
      distributions: [{ accessURL: "https://example.org/x.csv", format: "CSV", title: { nb: `Fil ${XSS}` } }],
      state: "published",
    },
  });
  expect(response.status()).toBe(201);
  slug = ((await response.json()) as { slug: string }).slug;
});

test("markup in metadata is shown as text and never runs", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  for (const path of [`/datasets/${slug}`, `/datasets?q=skummel+${run}`, "/publishers/molde-kommune", "/"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
    expect(await page.locator('img[src="x"], script:not([src]):not([type="application/ld+json"]):not([nonce])').count(), path).toBe(0);
  }
  await page.goto(`/datasets/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`<img src=x onerror="window.__pwned=1">`);
  await expect(page.locator("strong", { hasText: "fet" })).toBeVisible();
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("the page's own scripts run under the policy (the language switcher works)", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`/datasets/${slug}`);
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});
