import { describe, expect, it } from 'vitest';
import { parseCsv, previewCsv } from './csv-preview';
import { REQUIRED_IMPORT_COLUMNS } from './import-template';

describe('CSV preview', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks as one cell', () => {
    const records = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n');
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"\nthere'] },
    ]);
  });

  it('numbers records as the import report does, blank lines counted but not previewed', () => {
    const preview = previewCsv('person_id,email\n\np1,a@x.org\np2,b@x.org\np3,c@x.org', ['person_id'], 2);
    expect(preview.header).toEqual(['person_id', 'email']);
    expect(preview.rows).toEqual([
      { line: 3, cells: ['p1', 'a@x.org'] },
      { line: 4, cells: ['p2', 'b@x.org'] },
    ]);
    expect(preview.rowCount).toBe(3);
  });

  it('names the required columns the header lacks, whatever their case, and drops a byte order mark', () => {
    const preview = previewCsv('\uFEFFPERSON_ID,Email,display_name\n', REQUIRED_IMPORT_COLUMNS);
    expect(preview.header[0]).toBe('PERSON_ID');
    expect(preview.missingColumns).toEqual(['roles', 'timezone', 'languages']);
    expect(preview.rowCount).toBe(0);
  });
});
