/**
 * Ports of the servers the e2e suite starts (playwright.config.ts) and its
 * specs visit. E2E_PORT lets several checkouts (or engineers) run the suite
 * side by side; the dev server takes E2E_DEV_PORT, or E2E_PORT + 1000.
 */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

/** `npm start` (the Vite dev server on the embedded engine), on its own port. */
export const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? PORT + 1000);
export const DEV_BASE_URL = `http://127.0.0.1:${DEV_PORT}`;
