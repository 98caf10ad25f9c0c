import { randomUUID } from 'node:crypto';
import { participantIdFor } from '@trellis/profiles/contracts';
import type { Principal } from '@trellis/shared/auth';
import { uniqueName } from '@trellis/shared/testing';
import { type MatchingGraphqlApp, startMatchingGraphqlApp } from '../testing/matching-graphql-app';
import { eventually } from '../testing/matching-pipeline';

type Requests = { myMentorshipRequests: Array<{ id: string; menteePersonId: string; message: string | null }> };

/**
 * The mentee's request message on the real broker and FerretDB: the request's two people read it, a program manager
 * listing the same request and another mentee do not, and after the mentee's erasure nobody does.
 */
describe('MentorshipRequest.message (GraphQL, real broker and FerretDB)', () => {
  let stack: MatchingGraphqlApp;
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const person = (personId: string, tenant = tenantId): Principal => ({ personId, tenantId: tenant, orgAdmin: false });
  const mentor = person(`mentor-${randomUUID()}`);
  const mentee = person(`mentee-${randomUUID()}`);
  const otherMentee = person(`other-mentee-${randomUUID()}`);
  const manager = person(`manager-${randomUUID()}`);
  const MESSAGE = 'MSG-MARKER I would love help preparing for my first team-lead role.';
  const REQUEST = `mutation($p: ID!, $m: ID!, $text: String) {
    requestMentor(programId: $p, mentorPersonId: $m, message: $text) { requestId } }`;
  const MINE = `{ myMentorshipRequests { id menteePersonId message } }`;
  const mine = async (as: Principal) => {
    const result = await stack.gql<Requests>(as, MINE);
    expect(result.errors).toBeUndefined();
    return result.data!.myMentorshipRequests;
  };
  let requestId = '';
  let silentRequestId = '';

  beforeAll(async () => {
    stack = await startMatchingGraphqlApp('matching_request_message', tenantId);
    const { feed, services } = stack;
    await feed.program(programId);
    await feed.manager(programId, manager.personId);
    await feed.enrol(programId, mentor.personId, ['mentor'], 3);
    await feed.enrol(programId, mentee.personId, ['mentee']);
    await feed.enrol(programId, otherMentee.personId, ['mentee']);
    await eventually(async () => {
      const mentees = await services.pool.activeWithRole(tenantId, programId, 'mentee');
      const mentors = await services.pool.activeWithRole(tenantId, programId, 'mentor');
      const managing = await services.memberships.membership(tenantId, programId, manager.personId);
      return mentees.length === 2 && mentors.length === 1 && managing !== null;
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('shows the message to the mentor and the mentee, and to nobody else', async () => {
    const sent = await stack.gql<{ requestMentor: { requestId: string } }>(mentee, REQUEST, {
      p: programId,
      m: mentor.personId,
      text: MESSAGE,
    });
    expect(sent.errors).toBeUndefined();
    requestId = sent.data!.requestMentor.requestId;
    const silent = await stack.gql<{ requestMentor: { requestId: string } }>(otherMentee, REQUEST, {
      p: programId,
      m: mentor.personId,
    });
    silentRequestId = silent.data!.requestMentor.requestId;

    const forMentor = await eventually(async () => {
      const requests = await mine(mentor);
      return requests.length === 2 ? requests : undefined;
    });
    expect(Object.fromEntries(forMentor.map((r) => [r.id, r.message]))).toEqual({
      [requestId]: MESSAGE,
      [silentRequestId]: null,
    });
    expect(await mine(mentee)).toEqual([{ id: requestId, menteePersonId: mentee.personId, message: MESSAGE }]);
    expect(await mine(otherMentee)).toEqual([
      { id: silentRequestId, menteePersonId: otherMentee.personId, message: null },
    ]);

    // The program's manager reads the same request on the mentee's participant, without its message.
    const managed = await stack.gql<{
      _entities: Array<{ mentorshipRequests: Array<{ id: string; message: string | null }> }>;
    }>(
      manager,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Participant { mentorshipRequests { id message } } } }`,
      { r: [{ __typename: 'Participant', id: participantIdFor(programId, mentee.personId) }] },
    );
    expect(managed.errors).toBeUndefined();
    expect(managed.data!._entities).toEqual([{ mentorshipRequests: [{ id: requestId, message: null }] }]);
    // The same person id in another organization sees no request at all.
    expect(await mine(person(mentor.personId, uniqueName('org-elsewhere')))).toEqual([]);
  });

  it('refuses a message that is too long on its field, and sends no request', async () => {
    const before = await mine(mentor);
    const refused = await stack.gql(otherMentee, REQUEST, {
      p: programId,
      m: mentor.personId,
      text: 'x'.repeat(2001),
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
    expect(await mine(mentor)).toEqual(before);
  });

  it("reads null once the mentee's data is erased; the request itself stays", async () => {
    const participantId = participantIdFor(programId, mentee.personId);
    await stack.feed.emit('participant', `participant-${participantId}`, programId, 'ParticipantDataErased', {
      participantId,
      personId: mentee.personId,
      programId,
    });
    const erased = await eventually(async () => {
      const requests = await mine(mentor);
      const request = requests.find((r) => r.id === requestId);
      return request?.message === null ? request : undefined;
    });
    expect(erased).toMatchObject({ id: requestId, message: null });
    expect((await mine(mentee)).map((r) => r.message)).toEqual([null]);
  });
});
