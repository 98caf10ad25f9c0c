import type { Collection, mongo } from 'mongoose';

const DUPLICATE_KEY = 11000;

interface WriteErrorShape {
  index?: number;
  code?: number;
  err?: { index?: number; code?: number };
}

/**
 * Inserts many documents in one unordered round trip and answers the positions of those whose `_id` (or another
 * unique key) was taken already — by a retry or by a racing writer — so the caller can read those back instead.
 * Any other failure is thrown. MongoDB and FerretDB report the per-document errors in slightly different shapes
 * (a list or a single one, the index at the top or under `err`); both are read here.
 */
export async function insertNewDocuments<T extends mongo.Document>(
  collection: Collection<T>,
  documents: ReadonlyArray<mongo.OptionalUnlessRequiredId<T>>,
): Promise<Set<number>> {
  const taken = new Set<number>();
  if (documents.length === 0) return taken;
  try {
    await collection.insertMany([...documents], { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (list.length === 0) throw error;
    for (const writeError of list as WriteErrorShape[]) {
      const index = writeError.index ?? writeError.err?.index;
      const code = writeError.code ?? writeError.err?.code;
      if (index === undefined || code !== DUPLICATE_KEY) throw error;
      taken.add(index);
    }
  }
  return taken;
}
