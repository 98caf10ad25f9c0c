import type { E2eStack } from '@trellis/shared/stack';
import { DEMO_PROGRAM_ID, demoUser } from './demo';
import { dataOf } from './graphql-results';

/**
 * The demo mentee asks the demo mentor, who accepts; resolves once the pair's workspace (the engagement) exists.
 * How a pair gets together is journey 1's subject: the journeys that need a pair start from here.
 */
export async function startDemoMentorship(stack: E2eStack): Promise<string> {
  const mentee = demoUser('mentee');
  const mentor = demoUser('mentor');
  const asked = dataOf(
    await stack.gql<{ requestMentor: { requestId: string } }>(
      mentee,
      `mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorPersonId: $m, message: "Hello") { requestId } }`,
      { p: DEMO_PROGRAM_ID, m: mentor.personId },
    ),
  );
  const accepted = dataOf(
    await stack.gql<{ acceptMentorshipRequest: { mentorshipId: string } }>(
      mentor,
      `mutation($r: ID!) { acceptMentorshipRequest(requestId: $r) { mentorshipId } }`,
      { r: asked.requestMentor.requestId },
    ),
  );
  const id = accepted.acceptMentorshipRequest.mentorshipId;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const result = await stack.gql(mentee, `query($m: ID!) { engagement(mentorshipId: $m) { status } }`, { m: id });
    if (!result.errors?.length) return id;
    if (Date.now() > deadline) throw new Error(`no engagement for ${id}: ${JSON.stringify(result.errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
