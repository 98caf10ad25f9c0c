import { z } from 'zod';
import { ContractViolationError, projectOntoContract } from './contract-projection';

const messagePosted = z
  .object({
    mentorshipId: z.string(),
    authorPersonId: z.string(),
    seq: z.number().int().min(1),
    circleId: z.string().optional(),
    editedAt: z.string().nullable(),
  })
  .strict();

const body = { enc: 'aes-256-gcm:v1', ct: 'SECRET-MARKER' };
const posted = { type: 'MessagePosted', mentorshipId: 'm-1', authorPersonId: 'p-1', seq: 3, editedAt: null, body };

describe('projectOntoContract', () => {
  it('keeps exactly the fields the contract declares, so a sealed text the contract does not name stays home', () => {
    const data = projectOntoContract('MessagePosted', messagePosted, posted);
    expect(data).toStrictEqual({ mentorshipId: 'm-1', authorPersonId: 'p-1', seq: 3, editedAt: null });
    expect(JSON.stringify(data)).not.toContain('SECRET-MARKER');
  });

  it('leaves out an absent optional field, also when storage turned it into null', () => {
    expect(projectOntoContract('MessagePosted', messagePosted, { ...posted, circleId: undefined })).not.toHaveProperty(
      'circleId',
    );
    expect(projectOntoContract('MessagePosted', messagePosted, { ...posted, circleId: null })).not.toHaveProperty(
      'circleId',
    );
    expect(projectOntoContract('MessagePosted', messagePosted, { ...posted, circleId: 'c-1' })).toMatchObject({
      circleId: 'c-1',
    });
  });

  it('copies what it keeps, so the published event shares no array with the domain event', () => {
    const schema = z.object({ memberPersonIds: z.array(z.string()) }).strict();
    const source = { memberPersonIds: ['p-1', 'p-2'] };
    const data = projectOntoContract('ConversationOpened', schema, source);
    source.memberPersonIds.push('p-3');
    expect(data.memberPersonIds).toEqual(['p-1', 'p-2']);
  });

  it('refuses a source that does not satisfy the contract, naming the event and each failing field', () => {
    const project = () =>
      projectOntoContract('MessagePosted', messagePosted, { ...posted, authorPersonId: undefined, seq: 'three' });
    expect(project).toThrow(ContractViolationError);
    expect(project).toThrow(
      'MessagePosted does not satisfy its contract: authorPersonId: Required; seq: Expected number, received string',
    );
  });

  it('refuses a sealed text put under a name the contract declares for something else', () => {
    expect(() => projectOntoContract('MessagePosted', messagePosted, { ...posted, mentorshipId: body })).toThrow(
      /^MessagePosted does not satisfy its contract: mentorshipId: Expected string, received object$/,
    );
  });
});
