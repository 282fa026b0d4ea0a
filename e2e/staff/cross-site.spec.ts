import { expect, test } from "@playwright/test";

/**
 * Forms are protected against cross-site requests: the same server action the tokens page posts,
 * sent with another site's Origin (as a forged form on that site would), is refused by the server
 * and creates nothing; the JSON API ignores session cookies altogether.
 */
const ADMIN = { email: "admin@fjordcat.test", password: "correct-horse-battery-staple" };
const NAME = `cross-site-${Date.now().toString(36)}`;

test("a server action posted with another site's Origin is refused and changes nothing", async ({ page }) => {
  await page.goto("/sign-in?callbackUrl=%2Fstaff%2Ftokens");
  const form = page.locator("main form").first();
  await form.getByLabel(/^(E-postadresse|E-mail address)$/).fill(ADMIN.email);
  await form.getByLabel(/^(Passord|Password)$/).fill(ADMIN.password);
  await form.getByRole("button", { name: /^(Logg inn|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/staff\/tokens$/);

  let forgedStatus = 0;
  await page.route("**/staff/tokens", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const response = await route.fetch({ headers: { ...request.headers(), origin: "https://evil.example" } });
    forgedStatus = response.status();
    await route.fulfill({ response });
  });
  await page.getByLabel(/^(Navn|Name)/).fill(NAME);
  await page.getByRole("button", { name: /^(Lag nøkkel|Create)/ }).click();
  await expect.poll(() => forgedStatus).toBeGreaterThanOrEqual(400);
  await page.unroute("**/staff/tokens");

  await page.goto("/staff/tokens");
  await expect(page.getByRole("rowheader", { name: NAME })).toHaveCount(0);

  // The session cookie alone does not authorise the JSON API.
  const viaCookie = await page.request.post("/api/datasets", { data: { title: { nb: "x" } } });
  expect(viaCookie.status()).toBe(401);
});
