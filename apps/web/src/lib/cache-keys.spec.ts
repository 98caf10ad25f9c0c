import { buildSchema, type DocumentNode, getNamedType, Kind, parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../gql/graphql';
import schemaText from '../../schema.graphql?raw';
import { KEY_FIELDS } from './apollo-client';

const schema = buildSchema(schemaText);

const documents = Object.entries(generated).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' && entry[1] !== null && (entry[1] as { kind?: unknown }).kind === Kind.DOCUMENT,
);

/** Every place a document selects a keyed type without one of its key fields, as `Document: field → missing`. */
function missingKeys(name: string, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const missing: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(field) {
        const type = typeInfo.getType();
        const keys = type ? (KEY_FIELDS as Record<string, readonly string[]>)[getNamedType(type).name] : undefined;
        if (!keys || !field.selectionSet) return;
        const selected = new Set(
          field.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])),
        );
        for (const key of keys) if (!selected.has(key)) missing.push(`${name}: ${field.name.value} → ${key}`);
      },
    }),
  );
  return missing;
}

describe('cache keys', () => {
  it('finds the generated documents', () => {
    expect(documents.map(([name]) => name)).toContain('WorkspaceDocument');
  });

  it('notices a selection of an engagement without its mentorshipId', () => {
    const document = parse('query Bad($m: ID!) { engagement(mentorshipId: $m) { status } }');
    expect(missingKeys('Bad', document)).toEqual(['Bad: engagement → mentorshipId']);
  });

  it('every document that selects a keyed type selects its key fields, so Apollo can store and replace it', () => {
    expect(documents.flatMap(([name, document]) => missingKeys(name, document))).toEqual([]);
  });
});
