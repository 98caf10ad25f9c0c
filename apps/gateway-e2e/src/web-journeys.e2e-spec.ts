// The mentee's and mentor's journeys in a real browser (Debian's chromium through playwright-core) against the stack
// `npm start` runs: every service, the gateway serving the production build of apps/web, and the development OpenID
// provider. Screenshots of each step go to test-artifacts/web/<journey>/. The first journey is written once and run
// three ways: in English with a pointer, in German (browser and app), and in English with the keyboard only.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@trellis/shared/auth';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PROGRAM_ID, DEMO_TENANT_ID, demoPerson, demoUser, nameOf } from './support/demo';
import { dataOf } from './support/graphql-results';
import {
  type JourneyInput,
  keyboardInput,
  missingFocusIndicator,
  pointerInput,
  waitForFocus,
} from './support/journey-input';
import { webCopy, type WebCopy, type WebLanguage } from './support/web-copy';
import { errorMessageOf, expectNoSeriousViolations } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(420_000);

const web = webJourney();

const PROGRAM_NAME = 'Spring Mentoring 2027';
// The app's own report of a text it could not show in the person's language (apps/web/src/lib/missing-translations.ts).
const MISSING_TRANSLATION_PREFIX = '[trellis] missing translation';

/** Mentors asked by an earlier journey: each journey asks one with a free seat that nobody asked yet. */
const askedMentors = new Set<string>();

interface Mentee {
  principal: Principal;
  name: string;
  /** Listed on the provider's sign-in page (with a name in the token), or signed in by id through "someone else". */
  listed: boolean;
}

interface JourneyOptions {
  camera: JourneyCamera;
  language: WebLanguage;
  locale: string;
  mentee: Mentee;
  keyboardOnly: boolean;
  /** axe on every page: once, in the first journey, keeps the suite's time down. */
  checkAccessibility: boolean;
}

/** One person's browser, driven by pointer or keyboard, collecting the app's missing-translation reports. */
interface Person {
  page: Page;
  input: JourneyInput;
  missingTranslations: string[];
  close(): Promise<void>;
}

async function openBrowserFor(options: JourneyOptions, timezoneId: string): Promise<Person> {
  const { context, page } = await personPage(web.browser, { locale: options.locale, timezoneId });
  const missingTranslations: string[] = [];
  page.on('console', (message) => {
    if (message.text().startsWith(MISSING_TRANSLATION_PREFIX)) missingTranslations.push(message.text());
  });
  return {
    page,
    input: options.keyboardOnly ? keyboardInput(page) : pointerInput(),
    missingTranslations,
    close: () => context.close(),
  };
}

/** Through the development provider's own pages, as a person uses them. */
async function signIn(person: Person, who: { listedName?: string; personId: string }) {
  const { page, input } = person;
  await page.waitForURL(/\/interaction\//);
  if (who.listedName) {
    await input.activate(page.getByRole('button', { name: new RegExp(`^Sign in as ${who.listedName} `) }));
    return;
  }
  await input.fill(page.getByLabel('Person id'), who.personId);
  await input.fill(page.getByLabel('Organization id'), DEMO_TENANT_ID);
  await input.activate(page.getByRole('button', { name: 'Sign in', exact: true }));
}

/** After a navigation inside the app, focus is on the new page's heading (use-focus-on-navigation.ts). */
const expectFocusOnHeading = (page: Page, name: string) =>
  waitForFocus(page, page.getByRole('heading', { level: 1, name }), `the heading "${name}"`, 10_000);

function journey(name: string, options: Omit<JourneyOptions, 'camera'>) {
  it(name, async () => {
    const camera = new JourneyCamera(name);
    await joinAskAndAccept({ ...options, camera });
  });
}

describe('journey 1: a newcomer joins, asks a mentor, the mentor accepts', () => {
  journey('1-join-and-request', {
    language: 'en',
    locale: 'en-GB',
    mentee: { principal: demoUser('newcomer'), name: nameOf('newcomer'), listed: true },
    keyboardOnly: false,
    checkAccessibility: true,
  });
});

describe('journey 5: the same in German, with no text left untranslated', () => {
  journey('5-german', {
    language: 'de',
    locale: 'de-DE',
    // Signed in by id: the token names no one, so the header takes the name from the profile once there is one.
    mentee: { principal: demoPerson(randomUUID()), name: 'Jonas Becker', listed: false },
    keyboardOnly: false,
    checkAccessibility: false,
  });
});

describe('journey 4: the same with the keyboard only', () => {
  journey('4-keyboard-only', {
    language: 'en',
    locale: 'en-GB',
    mentee: { principal: demoPerson(randomUUID()), name: 'Kai Tabbert', listed: false },
    keyboardOnly: true,
    checkAccessibility: false,
  });
});

async function joinAskAndAccept(options: JourneyOptions) {
  const { camera, mentee: who, keyboardOnly } = options;
  const t: WebCopy = webCopy(options.language);
  const mentee = await openBrowserFor(options, 'Europe/Berlin');
  let mentor: Person | undefined;
  const { page, input } = mentee;
  let current = page;
  /** A screenshot of the step, and no text so far shown untranslated to either person. */
  const step = async (on: Page, name: string) => {
    current = on;
    await camera.shot(on, name);
    expect({ step: name, missing: [...mentee.missingTranslations, ...(mentor?.missingTranslations ?? [])] }).toEqual({
      step: name,
      missing: [],
    });
  };
  const a11y = (on: Page, where: string) =>
    options.checkAccessibility ? expectNoSeriousViolations(on, where) : Promise.resolve();
  try {
    await page.goto(web.stack.webUrl);
    await page.getByRole('heading', { level: 1, name: t('signIn.heading') }).waitFor();
    await a11y(page, 'sign-in landing');
    if (keyboardOnly) {
      // The first Tab offers to skip the header; following it puts focus into <main>.
      await page.keyboard.press('Tab');
      await waitForFocus(page, page.getByRole('link', { name: t('shell.skipLink') }), 'skip link');
      expect(await missingFocusIndicator(page)).toBeNull();
      await step(page, 'skip-link');
      await page.keyboard.press('Enter');
      await waitForFocus(page, page.locator('main, main *'), 'main content');
    }
    await step(page, 'landing');
    await input.activate(page.getByRole('button', { name: t('signIn.button') }));
    await page.waitForURL(/\/interaction\//);
    await step(page, 'provider-sign-in');
    await signIn(mentee, { listedName: who.listed ? who.name : undefined, personId: who.principal.personId });

    await page.getByRole('heading', { level: 1, name: t('home.heading') }).waitFor();
    if (keyboardOnly) await expectFocusOnHeading(page, t('home.heading'));
    const header = page.locator('header');
    if (who.listed) await header.getByText(who.name).waitFor();
    else {
      // Someone signed in by id has no profile yet: the header says they are signed in, not their id.
      await header.getByText(t('shell.signedIn'), { exact: true }).waitFor();
      expect(await header.innerText()).not.toContain(who.principal.personId);
    }
    const joinable = page.getByRole('region', { name: t('home.joinable') });
    await joinable.getByRole('heading', { name: PROGRAM_NAME }).waitFor();
    // What is coming up is part of what needs the person; someone new has no session or goal yet, and is told so.
    const needsYou = page.getByRole('region', { name: t('needsYou.heading') });
    await needsYou
      .getByRole('region', { name: t('agenda.sessionsHeading') })
      .getByText(t('agenda.noSessions'))
      .waitFor();
    await needsYou
      .getByRole('region', { name: t('agenda.goalsHeading') })
      .getByText(t('agenda.noGoals', { count: 14 }))
      .waitFor();
    await a11y(page, 'home');
    await step(page, 'home-joinable');
    await input.activate(joinable.getByRole('link', { name: t('programs.joinNamed', { name: PROGRAM_NAME }) }));

    await page.getByRole('heading', { level: 1, name: t('join.heading', { program: PROGRAM_NAME }) }).waitFor();
    if (keyboardOnly) await expectFocusOnHeading(page, t('join.heading', { program: PROGRAM_NAME }));
    if (!who.listed) await input.fill(page.getByLabel(t('join.displayName')), who.name);
    await input.fill(page.getByLabel(t('join.email')), `${who.name.toLowerCase().replace(/\W+/g, '.')}@example.org`);
    await input.fill(page.getByLabel(t('join.headline')), 'Junior data analyst, curious about leadership');
    const skills = page.getByLabel(t('join.skillsSought')).and(page.locator('input'));
    await input.enter(skills, 'Public speaking');
    await input.enter(skills, 'C++ !!');
    // The program's own questions and options are its data, in the language the program was written in.
    await input.choose(page.getByRole('radio', { name: 'Leadership' }));
    await input.choose(page.getByRole('radio', { name: '4', exact: true }));
    await a11y(page, 'join form');
    await step(page, 'join-form');
    const submit = page.getByRole('button', { name: t('join.submit') });
    await input.activate(submit);

    // The API's refusal shows on the field it concerns, focus goes there, and nothing was saved.
    expect(await refusalOn(page, skills)).toMatch(/"C\+\+ !!"/i);
    await waitForFocus(page, skills, 'the refused field');
    await step(page, 'join-refused-on-field');
    const refused = dataOf(
      await web.stack.gql<{ me: { participations: unknown[] } }>(who.principal, '{ me { participations { id } } }'),
    );
    expect(refused.me.participations).toEqual([]);

    await input.focus(skills);
    await page.keyboard.press('Backspace'); // takes the last tag off, as a keyboard user would
    await input.activate(submit);
    await page.getByRole('heading', { level: 1, name: PROGRAM_NAME }).waitFor();
    if (keyboardOnly) await expectFocusOnHeading(page, PROGRAM_NAME);
    // The header names the person now that their profile does.
    await header.getByText(who.name).waitFor();
    const findMentor = page.getByRole('region', { name: t('program.findMentor') });
    await retryUntilVisible(mentee, t, findMentor.getByRole('article').first());
    const card = await firstUnaskedMentor(findMentor, t);
    await card.getByRole('listitem').first().waitFor();
    await a11y(page, 'program page (mentee)');
    await step(page, 'recommendations');

    // Which mentor the page offers, by the API's own list: that person will answer.
    const mentorName = await card.getByRole('heading').first().innerText();
    askedMentors.add(mentorName);
    const recommended = dataOf(
      await web.stack.gql<{ recommendedMentors: Array<{ mentorPersonId: string; mentor: { displayName: string } }> }>(
        who.principal,
        `query($p: ID!) { recommendedMentors(programId: $p, first: 5) { mentorPersonId mentor { displayName } } }`,
        { p: DEMO_PROGRAM_ID },
      ),
    );
    const mentorPersonId = recommended.recommendedMentors.find(
      (r) => r.mentor.displayName === mentorName,
    )?.mentorPersonId;
    expect(mentorPersonId).toBeDefined();

    // The mentor opens the program page first: the request must arrive there without a reload.
    mentor = await openBrowserFor(options, 'America/New_York');
    await mentor.page.goto(`${web.stack.webUrl}/programs/${DEMO_PROGRAM_ID}`);
    await signIn(mentor, { personId: mentorPersonId ?? '' });
    await mentor.page.getByRole('heading', { level: 1, name: PROGRAM_NAME }).waitFor();
    await mentor.page.getByText(t('requests.noneReceived')).waitFor();

    const ask = card.getByRole('button', { name: t('recommendations.requestNamed', { name: mentorName }) });
    await input.activate(ask);
    const dialog = page.getByRole('dialog', { name: t('request.title', { name: mentorName }) });
    const message = dialog.getByLabel(t('request.message'));
    // Focus moves into the dialog, onto the message; closing it brings focus back to the button that opened it.
    await waitForFocus(page, message, 'the message field');
    if (keyboardOnly) {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await waitForFocus(page, ask, 'the button that opened the dialog');
      await page.keyboard.press('Enter');
      await waitForFocus(page, message, 'the message field');
    }
    await input.fill(message, 'I would like to grow into leading a small team.');
    await step(page, 'request-dialog');
    await input.activate(dialog.getByRole('button', { name: t('request.send') }));
    await dialog.waitFor({ state: 'hidden' });
    const myRequests = page.getByRole('region', { name: t('program.myRequests') });
    if (keyboardOnly) {
      // The asked mentor leaves the recommendations with the button that opened the dialog: focus goes to the requests.
      await waitForFocus(page, myRequests.getByRole('heading', { name: t('program.myRequests') }), 'your requests');
    }
    await myRequests.getByText(mentorName).waitFor();
    await myRequests.getByText(t('requests.status.OPEN')).waitFor();
    await step(page, 'request-sent');

    const incoming = mentor.page.getByRole('region', { name: t('program.requestsToMe') });
    await incoming.getByText(who.name).waitFor({ timeout: 20_000 });
    await a11y(mentor.page, 'program page (mentor)');
    await step(mentor.page, 'mentor-sees-request');
    await mentor.input.activate(incoming.getByRole('button', { name: t('requests.accept') }));
    if (keyboardOnly) {
      const heading = incoming.getByRole('heading', { name: t('program.requestsToMe') });
      await waitForFocus(mentor.page, heading, 'the requests, once the answered one left');
    }
    await mentor.page
      .getByRole('region', { name: t('program.myMentees') })
      .getByText(who.name)
      .waitFor();
    await step(mentor.page, 'mentor-accepted');

    await page
      .getByRole('region', { name: t('program.myMentorships') })
      .getByText(mentorName)
      .waitFor({ timeout: 20_000 });
    await step(page, 'mentee-sees-mentorship');
  } catch (error) {
    await camera.shot(current, 'failed-here').catch(() => undefined);
    throw error;
  } finally {
    await mentor?.close();
    await mentee.close();
  }
}

/** The first recommended mentor whom no earlier journey asked and who has a seat free (their button is enabled). */
async function firstUnaskedMentor(findMentor: Locator, t: WebCopy): Promise<Locator> {
  for (const card of await findMentor.getByRole('article').all()) {
    const name = await card.getByRole('heading').first().innerText();
    const ask = card.getByRole('button', { name: t('recommendations.requestNamed', { name }) });
    if (!askedMentors.has(name) && (await ask.isEnabled())) return card;
  }
  throw new Error(`every recommended mentor was asked before or is full (${[...askedMentors].join(', ')})`);
}

/** Recommendations appear once matching has the new profile (an event away); the page offers to look again. */
async function retryUntilVisible(person: Person, t: WebCopy, locator: Locator) {
  const deadline = Date.now() + 30_000;
  while (!(await locator.isVisible())) {
    if (Date.now() > deadline) throw new Error('no recommendation appeared within 30 s');
    const again = person.page.getByRole('button', { name: t('recommendations.refresh') });
    if (await again.isVisible()) await person.input.activate(again);
    await person.page.waitForTimeout(500);
  }
}

/** The error the API's refusal puts on a field, once it arrives (the tag's own text is on the page before). */
async function refusalOn(page: Page, field: Locator): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const message = await errorMessageOf(page, field);
    if (message || Date.now() > deadline) return message;
    await page.waitForTimeout(100);
  }
}
