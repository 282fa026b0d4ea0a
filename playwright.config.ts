import { defineConfig, devices } from "@playwright/test";

/**
 * Browser and API tests against the production build (`npm start` on its own test database),
 * in Debian's Chromium. URLs use localhost, as Auth.js cookies and redirects do.
 */
/** E2E_PORT lets several checkouts run their e2e suites side by side. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright-results.json" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    },
  },
  // Projects run in this order on one worker: public and api only read the demo catalogue (their
  // figures are exact), staff and operations write to it, so specs that write belong there.
  projects: [
    { name: "public", testMatch: /public\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    { name: "staff", testMatch: /staff\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    { name: "operations", testMatch: /operations\/.*\.spec\.ts/ },
  ],
  webServer: {
    command: "rm -rf .tmp/e2e && npx tsx scripts/start.ts",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    env: {
      DATABASE_URL: "file:./.tmp/e2e/catalogue.db",
      PORT: String(E2E_PORT),
      BASE_URL: E2E_BASE_URL,
      ADMIN_EMAIL: "admin@fjordcat.test",
      ADMIN_PASSWORD: "correct-horse-battery-staple",
      // The harvest specs serve their feeds from loopback.
      HARVEST_ALLOW_PRIVATE_NETWORK: "true",
    },
  },
});
