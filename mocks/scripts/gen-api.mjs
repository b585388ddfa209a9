// Generates the TypeScript types of the API contract from src/api/openapi/*.yaml.
// `npm run gen` writes them (with the handlers' operation table and request validators); src/api/schema.test.ts fails when they are stale.
import { writeFileSync } from 'node:fs';
import { generateApiTypes, API_DOCUMENTS } from './api-types.mjs';

for (const doc of API_DOCUMENTS) {
  writeFileSync(doc.output, await generateApiTypes(doc.input));
  console.log('wrote', doc.output);
}
