import { describe, expect, it } from 'vitest';
import { previewCsv } from './csv-preview';
import { IMPORT_COLUMNS, importTemplateCsv, REQUIRED_IMPORT_COLUMNS } from './import-template';

describe('import template', () => {
  it('has every column the API reads, required ones first, and an example row under them', () => {
    const preview = previewCsv(importTemplateCsv(), REQUIRED_IMPORT_COLUMNS);
    expect(preview.header).toEqual([...IMPORT_COLUMNS]);
    expect(REQUIRED_IMPORT_COLUMNS).toEqual(['person_id', 'email', 'display_name', 'roles', 'timezone', 'languages']);
    expect(preview.missingColumns).toEqual([]);
    expect(preview.rows).toHaveLength(1);
    expect(preview.rows[0]?.cells).toHaveLength(IMPORT_COLUMNS.length);
  });
});

describe('upload size', () => {
  it('lets a file through while its JSON form fits the gateway body limit', async () => {
    const { fitsInOneRequest, MAX_CSV_JSON_BYTES } = await import('./upload-size');
    expect(fitsInOneRequest('a'.repeat(MAX_CSV_JSON_BYTES - 2))).toBe(true);
    expect(fitsInOneRequest('a'.repeat(MAX_CSV_JSON_BYTES - 1))).toBe(false);
    // Each line break doubles in JSON (\n): the limit is on what travels, not on the file's size.
    expect(fitsInOneRequest('\n'.repeat(MAX_CSV_JSON_BYTES / 2))).toBe(false);
  });
});
