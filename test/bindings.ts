// The secrets and vars every test project gives the Worker (read by vitest.config.ts and the
// carriers configs); each project overrides the providers it exercises.
export const TEST_BINDINGS = {
  API_KEY: 'test-api-key',
  PUBLIC_URL: 'https://console.example.test',
  SANDBOX_SECRET: 'test-sandbox-secret',
  SHOPIFY_WEBHOOK_SECRET: 'test-shopify-secret',
  ADMIN_EMAIL: 'admin@example.test',
  ADMIN_PASSWORD: 'test-admin-password',
  RCS_PROVIDER: 'sandbox',
  SMS_PROVIDER: 'sandbox',
  RCS_FALLBACK_SECONDS: '300',
  // Suites create their own data; the demo seed has its own suite (test/seed.test.ts).
  DEMO_DATA: '0',
};
