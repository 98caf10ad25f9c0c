/** What an import names to get one document as a module of its own: `…/gql/graphql?document=NeedsYouDocument`. */
export const DOCUMENT_QUERY = 'document';

/**
 * One document of the generated graphql.ts as a module of its own. The client preset writes each document on one
 * line, `export const XDocument = {…} as unknown as DocumentNode<…>;`, with its fragments inlined, so the line is
 * all the module needs; the cast is TypeScript only.
 */
export function documentModule(generated: string, name: string): string {
  const prefix = `export const ${name} = `;
  const line = generated.split('\n').find((l) => l.startsWith(prefix));
  const cast = line?.lastIndexOf(' as unknown as DocumentNode<') ?? -1;
  if (!line || cast < 0) {
    throw new Error(`${name} is not a document of the generated graphql.ts: run npm run web:codegen`);
  }
  return `export const ${name} = ${line.slice(prefix.length, cast)};\n`;
}
