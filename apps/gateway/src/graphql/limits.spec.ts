import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { aliasLimitRule, depthLimitRule } from './limits';

const schema = buildSchema(`
  type Query { program(id: ID!): Program me: Person }
  type Program { id: ID! participants(first: Int): [Participant!]! }
  type Participant { id: ID! person: Person }
  type Person { id: ID! name: String mentor: Person }
`);

const errorsOf = (query: string, rules: ReturnType<typeof depthLimitRule>[]) =>
  validate(schema, parse(query), [...specifiedRules, ...rules]).map((e) => e.extensions?.['limit'] ?? e.message);

describe('depth limit', () => {
  it('accepts a query at the limit and refuses one level more, fragments included', () => {
    expect(errorsOf('{ program(id: "1") { participants { person { id } } } }', [depthLimitRule(4)])).toEqual([]);
    expect(errorsOf('{ program(id: "1") { participants { person { mentor { id } } } } }', [depthLimitRule(4)])).toEqual(
      ['depth'],
    );
    const viaFragment = `{ program(id: "1") { ...P } } fragment P on Program { participants { person { mentor { id } } } }`;
    expect(errorsOf(viaFragment, [depthLimitRule(4)])).toEqual(['depth']);
  });

  it('does not count introspection', () => {
    expect(errorsOf('{ __schema { types { fields { type { ofType { name } } } } } }', [depthLimitRule(2)])).toEqual([]);
  });
});

describe('alias limit', () => {
  it('refuses more aliases than allowed, once', () => {
    expect(errorsOf('{ a: me { id } b: me { id } }', [aliasLimitRule(2)])).toEqual([]);
    expect(errorsOf('{ a: me { id } b: me { id } c: me { x: id y: id } }', [aliasLimitRule(2)])).toEqual(['aliases']);
  });
});

describe('cost estimate', () => {
  it('multiplies what a list selects by its page size', () => {
    const small = getComplexity({
      schema,
      query: parse('{ program(id: "1") { participants(first: 5) { id } } }'),
      estimators: [simpleEstimator({ defaultComplexity: 1 })],
    });
    expect(small).toBeGreaterThan(0);
  });
});
