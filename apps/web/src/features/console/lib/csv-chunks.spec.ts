import { describe, expect, it } from 'vitest';
import { chunkCsv, mergeReports } from './csv-chunks';
import { parseCsv } from './csv-preview';
import { fitsInOneRequest } from './upload-size';

const file = (count: number) =>
  [
    'person_id,email,display_name',
    ...Array.from({ length: count }, (_, i) => `p${i},p${i}@example.org,"Person ${i}, the ${i}th"`),
  ].join('\n');

describe('CSV chunks', () => {
  it('sends a file that fits as one chunk with the same records', () => {
    const chunks = chunkCsv(file(3));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.lines).toBe(3);
    expect(parseCsv(chunks[0]!.csv)).toEqual(parseCsv(file(3)));
  });

  it('splits a large file into chunks that each fit, repeat the header and keep every line number', () => {
    const text = file(50_000);
    expect(fitsInOneRequest(text)).toBe(false);
    const chunks = chunkCsv(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.reduce((sum, c) => sum + c.lines, 0)).toBe(50_000);
    const original = parseCsv(text);
    for (const chunk of chunks) {
      expect(fitsInOneRequest(chunk.csv)).toBe(true);
      const records = parseCsv(chunk.csv);
      expect(records[0]?.cells).toEqual(original[0]?.cells);
      // Blank lines stand in for the lines of earlier chunks, so each record keeps its line in the whole file.
      for (const record of records.slice(1)) {
        if (record.cells.every((c) => c === '')) continue;
        expect(record.cells).toEqual(original[record.line - 1]?.cells);
      }
    }
    const carried = chunks.flatMap((c) => parseCsv(c.csv).filter((r) => r.line > 1 && r.cells.some((x) => x !== '')));
    expect(carried.map((r) => r.line)).toEqual(original.slice(1).map((r) => r.line));
  });

  it('merges the chunk reports into one for the file', () => {
    expect(
      mergeReports([
        { imported: 2, alreadyEnrolled: 1, failed: 1, errors: [{ line: 3, message: 'a' }] },
        { imported: 4, alreadyEnrolled: 0, failed: 1, errors: [{ line: 9001, message: 'b' }] },
      ]),
    ).toEqual({
      imported: 6,
      alreadyEnrolled: 1,
      failed: 2,
      errors: [
        { line: 3, message: 'a' },
        { line: 9001, message: 'b' },
      ],
    });
  });
});
