// The official SARIF 2.1.0 schema (vendored in test/fixtures/sarif) compiled once for the tests that validate poa's output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { FIXTURES } from '../helpers.js';

// The official schema is draft-04 style: its id is `id`, not `$id`, and it names the draft-04 meta-schema, which
// Ajv 8 does not bundle. So: `id` as the schema id (dropping Ajv's draft-07 refusal of that keyword), no meta-schema
// validation, no format validation (the tests check URIs themselves).
const ajv = new Ajv({ schemaId: 'id', strict: false, allErrors: true, validateSchema: false, validateFormats: false });
ajv.removeKeyword('id');

export const validateSarif = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
