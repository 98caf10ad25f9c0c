/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      ...ProgramCard_program\n    }\n  }\n": typeof types.MyProgramsDocument,
    "\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n": typeof types.ProgramCard_ProgramFragmentDoc,
    "\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n": typeof types.ProgramCard_ParticipationFragmentDoc,
};
const documents: Documents = {
    "\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      ...ProgramCard_program\n    }\n  }\n": types.MyProgramsDocument,
    "\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n": types.ProgramCard_ProgramFragmentDoc,
    "\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n": types.ProgramCard_ParticipationFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      ...ProgramCard_program\n    }\n  }\n"): (typeof documents)["\n  query MyPrograms {\n    me {\n      personId\n      participations {\n        id\n        programId\n        ...ProgramCard_participation\n      }\n      managedPrograms {\n        id\n      }\n    }\n    programs {\n      id\n      name\n      ...ProgramCard_program\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n"): (typeof documents)["\n  fragment ProgramCard_program on Program {\n    id\n    name\n    description\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n"): (typeof documents)["\n  fragment ProgramCard_participation on Participant {\n    id\n    roles\n    status\n    enrolledAt\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;