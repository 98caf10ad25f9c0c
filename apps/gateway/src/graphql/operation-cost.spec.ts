import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse } from 'graphql';
import { loadGatewayConfig } from '../gateway.config';
import { costRefusal, operationCost } from './operation-cost';

// The API schema the gateway serves, as written for the web app by the supergraph tooling.
const schema = buildSchema(readFileSync(join(__dirname, '../../../web/schema.graphql'), 'utf8'));
const { maxCost } = loadGatewayConfig({}).limits;
const costOf = (query: string) => operationCost(schema, parse(query), {});

const participantsPage = (first: number, selection: string) =>
  `{ program(id: "p") { participants(first: ${first}) { totalCount edges { cursor node { id ${selection} } } } } }`;
const recommendations = (first: number) =>
  `recommendedMentors(first: ${first}) { mentorPersonId score freeSeats mentor { id } }`;

describe('operation cost', () => {
  it("multiplies what a connection's page selects by its page size", () => {
    const ten = costOf(participantsPage(10, 'roles status')).points;
    const hundred = costOf(participantsPage(100, 'roles status')).points;
    expect(hundred).toBeGreaterThan(9 * ten);
    expect(hundred).toBeLessThan(maxCost);
  });

  it('refuses 100 participants × recommendedMentors(first: 50) and says which field weighs', () => {
    const heavy = costOf(participantsPage(100, recommendations(50)));
    expect(heavy.points).toBeGreaterThan(maxCost);
    expect(heavy.computed.get('Participant.recommendedMentors')).toBe(1);
    expect(costRefusal(heavy, maxCost)).toMatch(
      /^The query would cost \d+ points; the limit is \d+\. recommendedMentors costs 400 points each \(it scores every mentor of the program\)/,
    );
  });

  it("allows a mentee's program page: five recommendations with their requests and mentorships", () => {
    const page = costOf(
      `{ participant(id: "pa") { id ${recommendations(5)} mentorshipRequests { id status } mentorships { id status } } }`,
    );
    expect(page.points).toBeLessThan(maxCost / 10);
  });

  it('prices a round comparison far above reading the round', () => {
    const read = costOf('{ matchingRound(id: "r") { id status } }').points;
    const compared = costOf('{ compareMatchingRound(roundId: "r", first: 10) { __typename } }').points;
    expect(read).toBeLessThan(10);
    expect(compared).toBeGreaterThan(4000);
  });

  it('tells a person to ask for fewer items when no computed field is involved', () => {
    expect(costRefusal(costOf(participantsPage(100, 'roles')), 10)).toMatch(/Ask for fewer items\.$/);
  });
});
