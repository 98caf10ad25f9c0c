import { randomUUID } from 'node:crypto';
import { formatForRecipient, surveyInvitationReminderId, surveyReminderId } from '@trellis/notifications/domain';
import type { TestDatabase } from '@trellis/shared/testing';
import { NotificationsStore } from './core/notifications-store';
import {
  createTestDatabase,
  eventually,
  MailpitClient,
  type NotificationsApp,
  NotificationsWorld,
  type Person,
  startNotificationsApp,
} from './testing/notifications-harness';

const APP_URL = 'https://app.trellis.test';
const INBOX = `query { notifications(first: 20, timeZone: "Europe/Berlin") { edges { node { template subjectId title link } } } }`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Program surveys as their participants hear of them, on the real broker, FerretDB, Mailpit and profiles app: an
 * invitation when the occurrence opens and one reminder before it closes for those who have not answered, each
 * linking to the answer page; redeliveries, an answer that overtakes the opening, and restarts change nothing.
 */
describe('survey notifications (real Kafka, FerretDB, Mailpit and the real profiles app)', () => {
  let world: NotificationsWorld;
  let db: TestDatabase;
  let app: NotificationsApp | undefined;
  const mailpit = new MailpitClient();
  /** The stored row of a timer: the store keys reminders by tenant and reminder id. */
  const reminderRow = (reminderId: string) => `${world.tenantId}|${reminderId}`;

  beforeAll(async () => {
    world = await NotificationsWorld.start();
    db = await createTestDatabase('notifications_surveys');
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await db?.drop();
    await world?.close();
  });

  const opened = (
    occurrenceId: string,
    asked: Person[],
    closesAt: Date,
    remindAt?: Date,
    opensAt = new Date(Date.now() - 1000),
  ) =>
    world.envelope(
      'sessions',
      'SurveyOccurrenceOpened',
      {
        occurrenceId,
        surveyId: occurrenceId.split(':')[0]!,
        programId: world.programId,
        mentorshipId: occurrenceId.split(':')[2]!,
        askedPersonIds: asked.map((p) => p.personId).sort(),
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        ...(remindAt ? { remindAt: remindAt.toISOString() } : {}),
      },
      `survey-occurrence-${occurrenceId}`,
    );
  const answered = (occurrenceId: string, who: Person) =>
    world.envelope(
      'sessions',
      'SurveyAnswered',
      {
        occurrenceId,
        surveyId: occurrenceId.split(':')[0]!,
        programId: world.programId,
        respondentPersonId: who.personId,
        answeredAt: new Date().toISOString(),
      },
      `survey-response-${occurrenceId}/${who.personId}`,
    );
  const mails = async (who: Person, subject: string) =>
    (await mailpit.messagesTo(who.email)).filter((m) => m.Subject.includes(subject));

  it('invites each asked person once with a link to answer, reminds once across restarts only those who have not answered', async () => {
    const wiring = world.wiring();
    app = await startNotificationsApp(world, db, wiring);
    const store = new NotificationsStore(db.connection);
    const mentor = await world.enroll('Sunniva', 'MENTOR');
    const mentee = await world.enroll('Kenji', 'MENTEE', 'Asia/Tokyo');
    // An id with colons, as sessions makes them (`<surveyId>:start:<mentorshipId>`): the link must carry it intact.
    const occurrenceId = `sv-${randomUUID()}:start:${randomUUID()}`;
    const link = `${APP_URL}/surveys/${encodeURIComponent(occurrenceId)}`;
    const closesAt = new Date(Date.now() + 14 * 86_400_000);
    const remindAt = new Date(Date.now() + 15_000);
    const opening = opened(occurrenceId, [mentor, mentee], closesAt, remindAt);

    // Delivered twice: the second delivery has no effect.
    await world.publish('sessions', opening, opening);
    const invitations = await eventually(
      () => store.inbox.find({ templateId: 'survey-invitation' }).toArray(),
      (rows) => rows.length >= 2,
      20_000,
      'both invitations',
    );
    expect(invitations.map((i) => i.recipientPersonId).sort()).toEqual([mentor.personId, mentee.personId].sort());
    expect(invitations.every((i) => i.subject.kind === 'survey' && i.subject.id === occurrenceId)).toBe(true);
    for (const who of [mentor, mentee]) {
      await eventually(
        () => mails(who, 'asks for your feedback'),
        (m) => m.length >= 1,
        15_000,
        `the invitation email to ${who.personId}`,
      );
    }
    await world.publish('sessions', opening);
    await pause(2000);
    expect(await store.inbox.countDocuments({ templateId: 'survey-invitation' })).toBe(2);
    const menteeMail = await mails(mentee, 'asks for your feedback');
    expect(menteeMail).toHaveLength(1);
    expect(await mails(mentor, 'asks for your feedback')).toHaveLength(1);
    // The link to the answer page, and the close in the recipient's own time zone.
    const text = (await mailpit.message(menteeMail[0]!.ID)).Text;
    expect(text).toContain(`Answer the survey: ${link}`);
    expect(text).toContain(formatForRecipient(closesAt, 'Asia/Tokyo'));
    const inbox = await app.gql<{ notifications: { edges: Array<{ node: Record<string, string> }> } }>(
      mentee.principal,
      INBOX,
    );
    expect(inbox.data?.notifications.edges.map((e) => e.node)).toEqual([
      { template: 'survey-invitation', subjectId: occurrenceId, title: 'Your program asks for your feedback', link },
    ]);

    // The mentor answers; the opening delivered once more afterwards does not arm their reminder again.
    await world.publish('sessions', answered(occurrenceId, mentor), opening);
    const mentorReminder = reminderRow(surveyReminderId(occurrenceId, mentor.personId));
    const menteeReminder = reminderRow(surveyReminderId(occurrenceId, mentee.personId));
    await eventually(
      () => store.reminders.findOne({ _id: mentorReminder }),
      (r) => r?.state === 'cancelled',
      15_000,
      'the answered person’s reminder cancelled',
    );

    // The service is down when the reminder comes due; the restarted one sends it, once.
    await app.close();
    app = undefined;
    await pause(Math.max(0, remindAt.getTime() - Date.now()) + 1000);
    app = await startNotificationsApp(world, db, wiring);
    const fired = await eventually(
      () => store.reminders.findOne({ _id: menteeReminder }),
      (r) => r?.state === 'fired',
      20_000,
      'the reminder fired',
    );
    expect(fired!.firedAt!.getTime()).toBeGreaterThanOrEqual(remindAt.getTime());
    await eventually(
      () => mails(mentee, 'a survey is waiting'),
      (m) => m.length >= 1,
      15_000,
      'the reminder email',
    );
    // Another restart, and the opening delivered again: still one reminder.
    await app.close();
    app = await startNotificationsApp(world, db, wiring);
    await world.publish('sessions', opening);
    await pause(3000);
    const reminders = await store.inbox.find({ templateId: 'survey-reminder' }).toArray();
    expect(reminders.map((r) => r.recipientPersonId)).toEqual([mentee.personId]);
    const reminderMail = await mails(mentee, 'a survey is waiting');
    expect(reminderMail).toHaveLength(1);
    expect((await mailpit.message(reminderMail[0]!.ID)).Text).toContain(link);
    expect(await mails(mentor, 'a survey is waiting')).toEqual([]);
    expect(await store.inbox.countDocuments({ templateId: 'survey-invitation' })).toBe(2);
  });

  it('invites nobody who answered before the opening reached notifications (another partition, a replay)', async () => {
    app ??= await startNotificationsApp(world, db, world.wiring());
    const store = new NotificationsStore(db.connection);
    const mentor = await world.enroll('Ilse', 'MENTOR');
    const mentee = await world.enroll('Omar', 'MENTEE');
    const occurrenceId = `sv-${randomUUID()}:end:${randomUUID()}`;
    await world.publish('sessions', answered(occurrenceId, mentee));
    await eventually(
      () => store.reminders.findOne({ _id: reminderRow(surveyInvitationReminderId(occurrenceId, mentee.personId)) }),
      (r) => r?.state === 'cancelled',
      15_000,
      'the tombstone of the answer',
    );
    await world.publish(
      'sessions',
      opened(occurrenceId, [mentor, mentee], new Date(Date.now() + 86_400_000), new Date(Date.now() + 2000)),
    );
    const invited = await eventually(
      () => store.inbox.find({ templateId: 'survey-invitation', 'subject.id': occurrenceId }).toArray(),
      (rows) => rows.length >= 1,
      15_000,
      'the mentor’s invitation',
    );
    await pause(3500); // past the reminder's due time
    const told = await store.inbox.find({ 'subject.id': occurrenceId }).toArray();
    expect(invited.map((i) => i.recipientPersonId)).toEqual([mentor.personId]);
    expect(told.map((i) => [i.templateId, i.recipientPersonId]).sort()).toEqual([
      ['survey-invitation', mentor.personId],
      ['survey-reminder', mentor.personId],
    ]);
    expect(await mails(mentee, 'survey')).toEqual([]);
  });

  it('invites at the opening, not before, and drops a reminder whose survey closed while the service was down', async () => {
    const wiring = world.wiring();
    app ??= await startNotificationsApp(world, db, wiring);
    const store = new NotificationsStore(db.connection);
    const mentee = await world.enroll('Leila', 'MENTEE');
    const occurrenceId = `sv-${randomUUID()}:start:${randomUUID()}`;
    const opensAt = new Date(Date.now() + 4000);
    const remindAt = new Date(opensAt.getTime() + 3000);
    const closesAt = new Date(opensAt.getTime() + 6000);
    await world.publish('sessions', opened(occurrenceId, [mentee], closesAt, remindAt, opensAt));
    const invitation = reminderRow(surveyInvitationReminderId(occurrenceId, mentee.personId));
    await eventually(
      () => store.reminders.findOne({ _id: invitation }),
      (r) => r?.state === 'scheduled',
      10_000,
      'the invitation planned',
    );
    expect(await store.inbox.countDocuments({ 'subject.id': occurrenceId })).toBe(0);
    const [item] = await eventually(
      () => store.inbox.find({ 'subject.id': occurrenceId }).toArray(),
      (rows) => rows.length >= 1,
      15_000,
      'the invitation at the opening',
    );
    expect(item!.templateId).toBe('survey-invitation');
    expect(item!.createdAt.getTime()).toBeGreaterThanOrEqual(opensAt.getTime());

    // Down from before the reminder until after the close: the restarted service sends no reminder for it.
    await app.close();
    app = undefined;
    await pause(Math.max(0, closesAt.getTime() - Date.now()) + 500);
    app = await startNotificationsApp(world, db, wiring);
    await eventually(
      () => store.reminders.findOne({ _id: reminderRow(surveyReminderId(occurrenceId, mentee.personId)) }),
      (r) => r?.state === 'cancelled',
      15_000,
      'the stale reminder dropped',
    );
    expect((await store.inbox.find({ 'subject.id': occurrenceId }).toArray()).map((i) => i.templateId)).toEqual([
      'survey-invitation',
    ]);
    expect(await mails(mentee, 'a survey is waiting')).toEqual([]);
  });

  it('never invites or reminds a person whose data was erased, even when the opening is delivered again', async () => {
    app ??= await startNotificationsApp(world, db, world.wiring());
    const store = new NotificationsStore(db.connection);
    const mentor = await world.enroll('Ruth', 'MENTOR');
    const mentee = await world.enroll('Paolo', 'MENTEE');
    const occurrenceId = `sv-${randomUUID()}:start:${randomUUID()}`;
    const opensAt = new Date(Date.now() + 3000);
    const opening = opened(
      occurrenceId,
      [mentor, mentee],
      new Date(opensAt.getTime() + 86_400_000),
      new Date(opensAt.getTime() + 1000),
      opensAt,
    );
    await world.publish('sessions', opening);
    const invitation = reminderRow(surveyInvitationReminderId(occurrenceId, mentee.personId));
    await eventually(
      () => store.reminders.findOne({ _id: invitation }),
      (r) => r?.state === 'scheduled',
      10_000,
      'the invitation planned',
    );
    await world.eraseParticipant(mentee.personId);
    await eventually(
      () => store.reminders.find({ recipients: [mentee.personId], 'subject.id': occurrenceId }).toArray(),
      (rows) => rows.length === 2 && rows.every((r) => r.state === 'cancelled'),
      10_000,
      'the erased person’s timers cancelled',
    );
    await world.publish('sessions', opening);
    await eventually(
      () => store.inbox.find({ 'subject.id': occurrenceId, templateId: 'survey-reminder' }).toArray(),
      (rows) => rows.length >= 1,
      15_000,
      'the other person’s reminder',
    );
    await pause(1000);
    const told = await store.inbox.find({ 'subject.id': occurrenceId }).toArray();
    expect(told.map((i) => i.recipientPersonId)).toEqual([mentor.personId, mentor.personId]);
  });
});
