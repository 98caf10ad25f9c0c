import { composeSupergraph } from './composition';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';
const profiles = `${link}
type Query { program(id: ID!): Program }
type Program @key(fields: "id") { id: ID! name: String! }
type Participant @key(fields: "id") { id: ID! personId: ID! }`;
const sessions = `${link}
type Query { sessions: [Session!]! }
type Session { id: ID! participant: Participant! }
type Participant @key(fields: "id") { id: ID! sessionsHeld: Int! }`;

const subgraph = (name: string, sdl: string) => ({ name, url: `http://${name}/graphql`, sdl });

describe('supergraph composition (the CI check a subgraph change must pass)', () => {
  it('composes subgraphs that contribute fields to a shared entity', () => {
    const result = composeSupergraph([subgraph('profiles', profiles), subgraph('sessions', sessions)]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.supergraphSdl).toContain('sessionsHeld');
  });

  it('fails when a subgraph redefines a field another owns with another type', () => {
    const clash = sessions.replace('sessionsHeld: Int!', 'sessionsHeld: Int! personId: String!');
    const result = composeSupergraph([subgraph('profiles', profiles), subgraph('sessions', clash)]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/personId/);
  });

  it('fails when an entity key names a field that does not exist', () => {
    const broken = sessions.replace('@key(fields: "id")', '@key(fields: "participantId")');
    const result = composeSupergraph([subgraph('profiles', profiles), subgraph('sessions', broken)]);
    expect(result.ok).toBe(false);
  });

  it('fails on an SDL that does not parse, and on nothing to compose', () => {
    expect(composeSupergraph([subgraph('profiles', 'type Query {')]).ok).toBe(false);
    expect(composeSupergraph([]).ok).toBe(false);
  });
});
