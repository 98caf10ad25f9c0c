import type { TemplateId } from '@trellis/notifications/contracts';
import { formatForRecipient } from './time-zone';

export interface RenderContext {
  timeZone: string;
  /** The recipient's own name (fetched at send time, never stored); only ever used in the greeting. */
  displayName?: string;
  appUrl: string;
  subject: { kind: string; id: string };
  params: Record<string, string | number>;
}

export interface RenderedMessage {
  title: string;
  lines: string[];
  link: string;
  linkLabel: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const when = (ctx: RenderContext, key: string) => {
  const value = ctx.params[key];
  return typeof value === 'string' ? formatForRecipient(new Date(value), ctx.timeZone) : '';
};

const paths: Record<string, string> = {
  proposal: '/matching/proposals/',
  request: '/matching/requests/',
  mentorship: '/mentorships/',
  // The web app's circle page, with the circle's conversation.
  circle: '/circles/',
  session: '/sessions/',
  goal: '/goals/',
  program: '/programs/',
  round: '/matching/rounds/',
  webhook: '/admin/webhooks/',
  // The web app's answer page, `/surveys/:occurrenceId` (the id `surveyInvitation(occurrenceId)` takes).
  survey: '/surveys/',
};

/**
 * The words of each template. They say what happened and where to look, using only ids, enums and times from the
 * event — the private text people wrote (request messages, notes, reasons in their words) never reaches an email.
 */
const texts: Record<TemplateId, (ctx: RenderContext) => { title: string; lines: string[]; linkLabel: string }> = {
  'match-proposed': (c) => ({
    title: 'You have a new mentoring match proposal',
    lines: [`Please review it and respond by ${when(c, 'respondBy')}.`],
    linkLabel: 'Review the proposal',
  }),
  'mentor-requested': (c) => ({
    title: 'Someone asked you to be their mentor',
    lines: [`The request stays open until ${when(c, 'expiresAt')}.`],
    linkLabel: 'Answer the request',
  }),
  'request-accepted': () => ({
    title: 'Your mentorship request was accepted',
    lines: ['Your mentorship is starting.'],
    linkLabel: 'Open your mentorship',
  }),
  'request-declined': () => ({
    title: 'Your mentorship request was declined',
    lines: ['You can ask another mentor from the program.'],
    linkLabel: 'Find another mentor',
  }),
  'request-expired': () => ({
    title: 'Your mentorship request expired',
    lines: ['The mentor did not answer in time. You can ask another mentor.'],
    linkLabel: 'Find another mentor',
  }),
  'mentorship-started': () => ({
    title: 'Your mentorship has started',
    lines: ['Agree on how you will work together: propose a mentoring agreement.'],
    linkLabel: 'Propose an agreement',
  }),
  'session-scheduled': (c) => ({
    title: 'A mentoring session was scheduled',
    lines: [`When: ${when(c, 'startsAt')} – ${when(c, 'endsAt')}`, 'A calendar invitation is attached.'],
    linkLabel: 'Open the session',
  }),
  'session-rescheduled': (c) => ({
    title: 'A mentoring session was moved',
    lines: [`New time: ${when(c, 'startsAt')} – ${when(c, 'endsAt')}`, `Previously: ${when(c, 'previousStartsAt')}`],
    linkLabel: 'Open the session',
  }),
  'session-cancelled': (c) => ({
    title: 'A mentoring session was cancelled',
    lines: [`The session on ${when(c, 'startsAt')} will not take place.`],
    linkLabel: 'Open the session',
  }),
  'session-reminder-24h': (c) => ({
    title: 'Reminder: mentoring session tomorrow',
    lines: [`Starts ${when(c, 'startsAt')}.`],
    linkLabel: 'Open the session',
  }),
  'session-reminder-1h': (c) => ({
    title: 'Reminder: mentoring session in one hour',
    lines: [`Starts ${when(c, 'startsAt')}.`],
    linkLabel: 'Open the session',
  }),
  'feedback-requested': () => ({
    title: 'How was your session?',
    lines: ['Rate your session: it takes a minute and helps your mentorship.'],
    linkLabel: 'Give feedback',
  }),
  'engagement-at-risk': () => ({
    title: 'Your mentorship could use some attention',
    lines: ['It has been quiet for a while. Plan your next session or update your goals.'],
    linkLabel: 'Open your mentorship',
  }),
  'engagement-stalled': () => ({
    title: 'A mentorship in your program has stalled',
    lines: ['A pair has not met or made progress for a long time.'],
    linkLabel: 'Review the mentorship',
  }),
  'engagement-nudge': () => ({
    title: 'Your program would like you two to meet',
    lines: ['Your program manager sent this reminder. Plan your next session together or update your goals.'],
    linkLabel: 'Open your mentorship',
  }),
  'conversation-unread': (c) => ({
    title: 'A message is waiting for you',
    lines: [
      `Someone in your ${c.subject.kind === 'circle' ? 'circle' : 'mentorship'} conversation wrote to you and the message is still unread.`,
    ],
    linkLabel: 'Read the conversation',
  }),
  'conversation-warning': (c) => ({
    title: 'A moderator of your program reviewed one of your messages',
    lines: [
      `Someone reported a message you sent in your ${c.subject.kind === 'circle' ? 'circle' : 'mentorship'} conversation, and a program manager asks you to keep to the program’s guidelines.`,
    ],
    linkLabel: c.subject.kind === 'circle' ? 'Open your circle' : 'Open your mentorship',
  }),
  'survey-invitation': (c) => ({
    title: 'Your program asks for your feedback',
    lines: [
      'A short survey about your mentoring program is open for you. The program sees answers only together with others’, never with your name.',
      `Answer by ${when(c, 'closesAt')}.`,
    ],
    linkLabel: 'Answer the survey',
  }),
  'survey-reminder': (c) => ({
    title: 'Reminder: a survey is waiting for your answer',
    lines: [`The survey from your mentoring program closes ${when(c, 'closesAt')}. It takes a few minutes.`],
    linkLabel: 'Answer the survey',
  }),
  'goal-due-soon': (c) => ({
    title: 'A goal is due soon',
    lines: [`Target date: ${String(c.params['targetDate'] ?? '')}.`],
    linkLabel: 'Open the goal',
  }),
  'enrollment-invitation': () => ({
    title: 'You are invited to a mentoring program',
    lines: ['Complete your profile to take part.'],
    linkLabel: 'Open the program',
  }),
  'matching-round-published': (c) => ({
    title: 'A matching round was published',
    lines: [`${String(c.params['proposals'] ?? 0)} proposals were sent to participants.`],
    linkLabel: 'Open the round',
  }),
  'webhook-disabled': (c) => ({
    title: 'A webhook was disabled after repeated failures',
    lines: [
      `It failed ${String(c.params['consecutiveFailures'] ?? '')} times in a row. Fix the endpoint, then enable it again.`,
    ],
    linkLabel: 'Manage webhooks',
  }),
};

export function renderMessage(templateId: TemplateId, ctx: RenderContext): RenderedMessage {
  const { title, lines, linkLabel } = texts[templateId](ctx);
  const link = `${ctx.appUrl.replace(/\/$/, '')}${paths[ctx.subject.kind] ?? '/'}${encodeURIComponent(ctx.subject.id)}`;
  return { title, lines, link, linkLabel };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function frame(greeting: string, body: string[], unsubscribeUrl: string, footer: string): RenderedEmail['html'] {
  return [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...body,
    `<p style="color:#666;font-size:12px">${escapeHtml(footer)} <a href="${escapeHtml(unsubscribeUrl)}">Unsubscribe</a></p>`,
    '</body></html>',
  ].join('');
}

export function renderEmail(templateId: TemplateId, ctx: RenderContext, unsubscribeUrl: string): RenderedEmail {
  const m = renderMessage(templateId, ctx);
  const greeting = ctx.displayName ? `Hello ${ctx.displayName},` : 'Hello,';
  const footer = `Times are shown in ${ctx.timeZone}.`;
  const text = [
    greeting,
    '',
    m.title,
    ...m.lines,
    '',
    `${m.linkLabel}: ${m.link}`,
    '',
    footer,
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');
  const html = frame(
    greeting,
    [
      `<h2>${escapeHtml(m.title)}</h2>`,
      ...m.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      `<p><a href="${escapeHtml(m.link)}">${escapeHtml(m.linkLabel)}</a></p>`,
    ],
    unsubscribeUrl,
    footer,
  );
  return { subject: `Trellis: ${m.title}`, text, html };
}

export interface DigestEntry {
  templateId: TemplateId;
  subject: { kind: string; id: string };
  params: Record<string, string | number>;
}

/** One email for many low-priority items. */
export function renderDigest(
  entries: DigestEntry[],
  ctx: Omit<RenderContext, 'subject' | 'params'>,
  unsubscribeUrl: string,
): RenderedEmail {
  const messages = entries.map((e) => renderMessage(e.templateId, { ...ctx, subject: e.subject, params: e.params }));
  const greeting = ctx.displayName ? `Hello ${ctx.displayName},` : 'Hello,';
  const title = `${entries.length} update${entries.length === 1 ? '' : 's'} from your mentoring programs`;
  const footer = `Times are shown in ${ctx.timeZone}.`;
  const text = [
    greeting,
    '',
    title,
    ...messages.map((m) => `- ${m.title}: ${m.link}`),
    '',
    footer,
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');
  const html = frame(
    greeting,
    [
      `<h2>${escapeHtml(title)}</h2><ul>`,
      ...messages.map((m) => `<li><a href="${escapeHtml(m.link)}">${escapeHtml(m.title)}</a></li>`),
      '</ul>',
    ],
    unsubscribeUrl,
    footer,
  );
  return { subject: `Trellis: ${title}`, text, html };
}
