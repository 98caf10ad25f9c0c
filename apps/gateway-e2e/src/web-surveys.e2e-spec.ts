// A program survey from builder to results, in a real browser (Debian's chromium) against the stack `npm start`
// runs. The demo manager drafts a survey, sees in the preview what keeps it from being published, adds questions of
// three kinds, schedules it for the end of each mentorship, previews it as participants will see it and publishes it.
// Three mentorships then end (the demo pair's and two more, through the API), which asks six people. The demo mentee
// answers on a phone-sized page from the link on their home page (a missing answer is refused on its field first,
// and the page says "already answered" afterwards); three more answer through the API, and the results page shows
// the figures hidden (four people, fewer than five). A fifth answer and the page shows the NPS, the distribution and
// the written answers without names, the CSV holds the figures, the end of yesterday shows them hidden again (nobody
// had answered), and the manager closes the survey, then drafts its next version from it, whose results page compares
// it with this one (hidden until it has five answers). The builder and the results are also shown at phone width.
// Screenshots go to test-artifacts/web/surveys/.
import fs from 'node:fs';
import type { Principal } from '@trellis/shared/auth';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import {
  DEMO_MENTOR_COUNT,
  DEMO_PROGRAM_ID,
  demoMenteeId,
  demoMentorId,
  demoPerson,
  demoUser,
  nameOf,
} from './support/demo';
import { dataOf } from './support/graphql-results';
import { errorMessageOf, expectNoSeriousViolations, signInAsListed } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(600_000);

const web = webJourney({ demoMentorship: true });
const TITLE = 'End of mentorship check-in';

/** A demo mentee and a mentor the program lets them ask (the rules want a shared language, a free place…). */
async function newPair(
  menteeIndex: number,
  takenMentors: Set<string>,
): Promise<{ mentee: Principal; mentor: Principal; mentorshipId: string }> {
  const mentee = demoPerson(demoMenteeId(menteeIndex));
  for (let j = 0; j < DEMO_MENTOR_COUNT; j += 1) {
    const mentor = demoPerson(demoMentorId(j));
    if (takenMentors.has(mentor.personId) || mentor.personId === demoUser('mentor').personId) continue;
    const asked = await web.stack.gql<{ requestMentor: { requestId: string } }>(
      mentee,
      `mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorPersonId: $m, message: "Hello") { requestId } }`,
      { p: DEMO_PROGRAM_ID, m: mentor.personId },
    );
    if (asked.errors?.length || !asked.data) continue;
    takenMentors.add(mentor.personId);
    const mentorshipId = dataOf(
      await web.stack.gql<{ acceptMentorshipRequest: { mentorshipId: string } }>(
        mentor,
        `mutation($r: ID!) { acceptMentorshipRequest(requestId: $r) { mentorshipId } }`,
        { r: asked.data.requestMentor.requestId },
      ),
    ).acceptMentorshipRequest.mentorshipId;
    return { mentee, mentor, mentorshipId };
  }
  throw new Error(`no mentor the demo mentee ${menteeIndex} may ask`);
}

async function end(mentee: Principal, mentorshipId: string): Promise<void> {
  dataOf(
    await web.stack.gql(mentee, `mutation($m: ID!) { endMentorship(mentorshipId: $m, reason: COMPLETED) }`, {
      m: mentorshipId,
    }),
  );
}

interface Invitation {
  occurrenceId: string;
  title: string;
  questions: Array<{ questionId: string; kind: string; options: Array<{ optionId: string; label: string }> }>;
}

async function invitationOf(person: Principal): Promise<Invitation> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { mySurveyInvitations } = dataOf(
      await web.stack.gql<{ mySurveyInvitations: Invitation[] }>(
        person,
        `query { mySurveyInvitations { occurrenceId title questions { questionId kind options { optionId label } } } }`,
      ),
    );
    const found = mySurveyInvitations.find((i) => i.title === TITLE);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no survey invitation for ${person.personId}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function answerByApi(person: Principal, score: number, text: string): Promise<void> {
  const invitation = await invitationOf(person);
  const answers = invitation.questions.map((q) =>
    q.kind === 'NPS'
      ? { questionId: q.questionId, value: score }
      : q.kind === 'SINGLE_CHOICE'
        ? { questionId: q.questionId, optionIds: [q.options[0]!.optionId] }
        : { questionId: q.questionId, text },
  );
  dataOf(
    await web.stack.gql(
      person,
      `mutation($o: ID!, $a: [SurveyAnswerInput!]!) { answerSurvey(occurrenceId: $o, answers: $a) { answeredAt } }`,
      { o: invitation.occurrenceId, a: answers },
    ),
  );
}

describe('a program survey, built, answered and read in the browser', () => {
  it('is previewed and published by the manager, answered by participants, and its figures shown from five answers', async () => {
    const camera = new JourneyCamera('surveys');
    const manager = await personPage(web.browser);
    const page = manager.page;
    let resultsUrl = '';
    try {
      await page.goto(`${web.stack.webUrl}/manage/programs/${DEMO_PROGRAM_ID}`);
      await signInAsListed(page, nameOf('manager'));
      await page.getByRole('heading', { level: 1, name: 'Spring Mentoring 2027' }).waitFor();
      await page.getByRole('link', { name: /^Surveys:/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Surveys: Spring Mentoring 2027' }).waitFor();
      await page.getByText('This program has no surveys yet.').waitFor();
      await expectNoSeriousViolations(page, 'surveys page');
      await camera.shot(page, 'no-surveys');

      await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
      await page.getByRole('button', { name: 'Create a draft' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      const preview = page.getByRole('region', { name: 'Preview' });
      await preview.getByText('Add at least one question before publishing.').waitFor();
      await preview.getByText('Choose when the survey is sent.').waitFor();
      expect(await page.getByRole('button', { name: 'Publish the survey' }).isDisabled()).toBe(true);
      await expectNoSeriousViolations(page, 'empty draft');
      await camera.shot(page, 'empty-draft-with-problems');

      const add = page.getByRole('form', { name: 'Add a question' });
      // A question without wording is refused by the API, on its field, and nothing is added.
      const prompt = add.getByRole('textbox', { name: 'Question', exact: true });
      await add.getByRole('button', { name: 'Add the question' }).click();
      await add.getByText('The question must not be empty.').waitFor();
      await expect(errorMessageOf(page, prompt)).resolves.toBe('The question must not be empty.');
      await page.getByText('No questions yet: add the first one below.').waitFor();
      await camera.shot(page, 'question-refused-on-its-field');

      await add.getByLabel('Kind of question').click();
      await page.getByRole('option', { name: 'Recommendation score 0–10 (NPS)' }).click();
      await prompt.fill('How likely are you to recommend this program to a colleague?');
      await add.getByRole('button', { name: 'Add the question' }).click();
      await page
        .getByText('1. How likely are you to recommend this program to a colleague?', { exact: true })
        .waitFor();

      await add.getByLabel('Kind of question').click();
      await page.getByRole('option', { name: 'Single choice' }).click();
      await prompt.fill('What helped you most?');
      await add.getByRole('textbox', { name: 'Option 1' }).fill('The sessions');
      await add.getByRole('textbox', { name: 'Option 2' }).fill('The goals we set');
      await add.getByRole('button', { name: 'Add the question' }).click();
      await page.getByText('2. What helped you most?', { exact: true }).waitFor();

      await add.getByLabel('Kind of question').click();
      await page.getByRole('option', { name: 'Long text' }).click();
      await prompt.fill('What should we change?');
      await add.getByRole('checkbox', { name: 'Must be answered' }).uncheck();
      await add.getByRole('button', { name: 'Add the question' }).click();
      await page.getByText('3. What should we change?', { exact: true }).waitFor();

      // The choice question moves to the top, and back.
      await page.getByRole('button', { name: 'Move question 2 up' }).click();
      await page.getByText('1. What helped you most?', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Move question 2 down' }).click();
      await page
        .getByText('3. How likely are you to recommend this program to a colleague?', { exact: true })
        .waitFor();
      await page.getByRole('button', { name: 'Move question 3 up' }).click();
      await page
        .getByText('2. How likely are you to recommend this program to a colleague?', { exact: true })
        .waitFor();
      await page.getByRole('button', { name: 'Move question 1 down' }).click();
      await page
        .getByText('1. How likely are you to recommend this program to a colleague?', { exact: true })
        .waitFor();

      await page.getByRole('radio', { name: 'When each mentorship ends' }).check();
      await page.getByRole('radio', { name: 'Mentees and mentors' }).check();
      await page.getByRole('button', { name: 'Save the schedule' }).click();
      await preview.getByText('Ready to publish.').waitFor();
      const shown = preview.getByRole('region', { name: 'The survey as participants will see it' });
      await shown.getByRole('radiogroup', { name: /How likely are you to recommend/ }).waitFor();
      await shown.getByRole('radio', { name: 'The goals we set' }).waitFor();
      await shown.getByRole('textbox', { name: /What should we change\?/ }).waitFor();
      expect(await shown.getByRole('button', { name: 'Send my answers' }).isDisabled()).toBe(true);
      await expectNoSeriousViolations(page, 'builder with preview');
      await camera.shot(page, 'built-and-previewed');
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoSeriousViolations(page, 'builder at phone width');
      await camera.shot(page, 'builder-at-phone-width');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByRole('button', { name: 'Publish the survey' }).click();
      await page.getByRole('button', { name: 'Close the survey' }).waitFor();
      await page.getByText('This survey is published: its questions and schedule are frozen.').waitFor();
      expect(await page.getByRole('button', { name: 'Move question 1 down' }).count()).toBe(0);
      await camera.shot(page, 'published');
      await page.getByRole('link', { name: 'See the results' }).click();
      await page.getByRole('heading', { level: 1, name: `Results: ${TITLE}` }).waitFor();
      resultsUrl = page.url();
    } catch (error) {
      await camera.shot(page, 'failed-manager');
      throw error;
    }

    // Three mentorships end: six people are asked.
    const taken = new Set<string>();
    const others = [await newPair(10, taken), await newPair(11, taken)];
    await end(demoUser('mentee'), web.mentorshipId);
    for (const pair of others) await end(pair.mentee, pair.mentorshipId);

    const phone = await personPage(web.browser, { viewport: { width: 390, height: 844 } });
    try {
      const p = phone.page;
      await p.goto(web.stack.webUrl);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.waitForURL(/\/interaction\//);
      await signInAsListed(p, nameOf('mentee'));
      const link = p.getByRole('link', { name: new RegExp(`^Survey to answer: ${TITLE}`) });
      await link.waitFor({ timeout: 60_000 });
      await camera.shot(p, 'mentee-home-survey-to-answer');
      await link.click();
      await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await p.getByRole('button', { name: 'Send my answers' }).click();
      const nps = p.getByRole('radiogroup', { name: /How likely are you to recommend/ });
      await p.getByText('Please answer this question.').first().waitFor();
      expect(await p.getByText('Please answer this question.').count()).toBe(2);
      await expectNoSeriousViolations(p, 'answer page with problems');
      await camera.shot(p, 'answer-refused-on-fields');

      await nps.getByRole('radio', { name: '9', exact: true }).check();
      await p.getByRole('radio', { name: 'The sessions' }).check();
      await p.getByRole('textbox', { name: /What should we change\?/ }).fill('More time for peer exchange.');
      await camera.shot(p, 'answer-filled');
      await p.getByRole('button', { name: 'Send my answers' }).click();
      await p.getByText('Already answered').waitFor();
      await expectNoSeriousViolations(p, 'answered survey');
      await camera.shot(p, 'answered');
      await p.reload();
      await p.getByText(/You answered this survey on/).waitFor();
      expect(await p.getByRole('button', { name: 'Send my answers' }).count()).toBe(0);
    } finally {
      await phone.context.close();
    }

    await answerByApi(demoUser('mentor'), 10, 'Clear goals from the start.');
    await answerByApi(others[0]!.mentee, 6, 'Sessions were too short.');
    await answerByApi(others[0]!.mentor, 8, 'Good as it is.');

    try {
      await page.goto(resultsUrl);
      await page
        .getByText(/^Hidden: fewer than 5 answers/)
        .first()
        .waitFor();
      expect(await page.getByText(/^NPS /).count()).toBe(0);
      await expectNoSeriousViolations(page, 'results hidden');
      await camera.shot(page, 'results-hidden-below-five');

      await answerByApi(others[1]!.mentee, 9, 'More time for peer exchange, please.');
      await page.reload();
      await page.getByText('5 people answered', { exact: true }).waitFor();
      // Promoters 9, 10, 9; passive 8; detractor 6: (3 − 1) / 5 = 40.
      await page.getByText('NPS 40', { exact: true }).waitFor();
      await page.getByText('Promoters 3 · Passives 1 · Detractors 1').waitFor();
      const texts = page.getByRole('list', { name: 'Written answers to question 3' });
      expect((await texts.getByRole('listitem').allTextContents()).sort()).toEqual(
        [
          'Clear goals from the start.',
          'Good as it is.',
          'More time for peer exchange, please.',
          'More time for peer exchange.',
          'Sessions were too short.',
        ].sort(),
      );
      expect(await page.getByText(nameOf('mentee')).count()).toBe(0);
      await expectNoSeriousViolations(page, 'results shown');
      await camera.shot(page, 'results-shown');
      await page.getByRole('button', { name: 'Show the numbers' }).first().click();
      await page.getByRole('table', { name: 'Answers to question 1 by value' }).waitFor();
      await camera.shot(page, 'results-as-table');
      await page.setViewportSize({ width: 390, height: 844 });
      await camera.shot(page, 'results-at-phone-width');
      await page.setViewportSize({ width: 1280, height: 900 });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download the figures (CSV)' }).click(),
      ]);
      const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
      expect(csv).toContain(',nps_score,,40\r\n');
      expect(csv).toContain('option: The sessions,5,100');
      expect(csv).not.toContain('peer exchange');

      // As they stood at the end of yesterday: nobody had answered yet.
      const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('en-CA');
      await page.getByLabel('Figures as of').fill(yesterday);
      await page
        .getByText(/^Hidden: fewer than 5 answers/)
        .first()
        .waitFor();
      expect(await page.getByText(/^NPS /).count()).toBe(0);
      await camera.shot(page, 'results-as-of-yesterday');
      await page.getByLabel('Figures as of').fill('');
      await page.getByText('NPS 40', { exact: true }).waitFor();

      // Closed, it is sent to nobody new; its results stay.
      await page.getByRole('link', { name: `Back to the surveys of Spring Mentoring 2027` }).click();
      await page.getByRole('link', { name: TITLE, exact: true }).click();
      await page.getByRole('button', { name: 'Close the survey' }).click();
      await page.getByText('This survey is closed: it is sent to nobody new.').waitFor();
      await expectNoSeriousViolations(page, 'closed survey');
      await camera.shot(page, 'closed');

      // Next term's version starts from this one: the same questions, so its results are compared with these.
      await page.getByRole('link', { name: `Back to the surveys of Spring Mentoring 2027` }).click();
      await page.getByRole('combobox', { name: /Earlier survey/ }).selectOption({ label: TITLE });
      await page.getByRole('button', { name: 'Draft a new version' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      // The builder's list comes first; the preview, once loaded, shows the same wording as participants see it.
      await page
        .getByText('1. How likely are you to recommend this program to a colleague?', { exact: true })
        .first()
        .waitFor();
      await page.getByText('3. What should we change?', { exact: true }).first().waitFor();
      await page.getByRole('radio', { name: 'When each mentorship ends' }).check();
      await page.getByRole('radio', { name: 'Mentees and mentors' }).check();
      await page.getByRole('button', { name: 'Save the schedule' }).click();
      await page.getByRole('region', { name: 'Preview' }).getByText('Ready to publish.').waitFor();
      await page.getByRole('button', { name: 'Publish the survey' }).click();
      await page.getByRole('link', { name: 'See the results' }).click();
      await page.getByRole('heading', { level: 2, name: `Compared with “${TITLE}”` }).waitFor();
      await page.getByText('This survey has fewer than 5 answers so far, so no change is shown.').waitFor();
      await expectNoSeriousViolations(page, 'new version compared with the earlier survey');
      await camera.shot(page, 'new-version-compared');
    } catch (error) {
      await camera.shot(page, 'failed-results');
      throw error;
    } finally {
      await manager.context.close();
    }
  });
});
