import { MockedProvider } from '@apollo/client/testing/react';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportParticipantsMutationVariables } from '../../../gql/graphql';
import { renderWithProviders } from '../../../test/render';
import { IMPORT_PARTICIPANTS } from '../api/console-mutations';
import { ImportPanel } from './import-panel';

const HEADER = 'person_id,email,display_name,roles,timezone,languages,interests';
const ROWS = 700;
const interests = Array.from({ length: 30 }, (_, k) => `interest ${k} `.padEnd(59, 'x')).join(';');
/**
 * About 1.2 MiB, more than one request carries: the panel sends it in two parts. The bad line of the first test lies
 * beyond the first MiB, in the second part.
 */
const bigCsv = (badRow: number | null) =>
  [
    HEADER,
    ...Array.from({ length: ROWS }, (_, i) =>
      [i === badRow ? 'bad id!' : `p-${i}`, `p${i}@example.org`, `Person ${i}`, 'mentee', 'UTC', 'en', interests].join(
        ',',
      ),
    ),
  ].join('\n');

/** Answers as the API would: a bad line in a part is refused; a check enrolls nobody, an import everyone valid. */
function answering(sent: ImportParticipantsMutationVariables[]) {
  return {
    request: {
      query: IMPORT_PARTICIPANTS,
      variables: (variables: ImportParticipantsMutationVariables) => {
        sent.push(variables);
        return true;
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (variables: ImportParticipantsMutationVariables) => {
      const lines = variables.csv.split('\n');
      const people = lines.slice(1).filter((line) => line !== '');
      const bad = lines.flatMap((line, index) => (line.startsWith('bad id!') ? [index + 1] : []));
      return {
        data: {
          importParticipants: {
            __typename: 'ImportReport' as const,
            imported: bad.length > 0 ? 0 : people.length,
            alreadyEnrolled: 0,
            failed: bad.length,
            errors: bad.map((line) => ({ __typename: 'ImportRowError' as const, line, message: 'person_id is bad' })),
          },
        },
      };
    },
  };
}

async function importFile(csv: string, sent: ImportParticipantsMutationVariables[]) {
  const { container } = await renderWithProviders(
    <MockedProvider mocks={[answering(sent)]}>
      <ImportPanel programId="p1" onImported={() => undefined} />
    </MockedProvider>,
  );
  const input = container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await userEvent.upload(input, new File([csv], 'people.csv', { type: 'text/csv' }));
  await screen.findByText(`${ROWS} lines to import; the first 5 shown`);
  await userEvent.click(screen.getByRole('button', { name: 'Import participants' }));
}

describe('importing a file of several parts, all or nothing', () => {
  it('checks every part first: a bad line in the second part keeps the first part out too', async () => {
    const sent: ImportParticipantsMutationVariables[] = [];
    await importFile(bigCsv(650), sent);
    expect(
      await screen.findByText('Imported: 0. Already enrolled: 0. Refused: 1.', {}, { timeout: 5000 }),
    ).toBeVisible();
    // Line numbers of the whole file: data row 650 is line 652.
    expect(screen.getByRole('rowheader', { name: 'Line 652' })).toBeInTheDocument();
    expect(sent.map((v) => v.dryRun)).toEqual([true, true]);
  });

  it('imports part by part once every part passed its check', async () => {
    const sent: ImportParticipantsMutationVariables[] = [];
    await importFile(bigCsv(null), sent);
    expect(
      await screen.findByText(`Imported: ${ROWS}. Already enrolled: 0. Refused: 0.`, {}, { timeout: 5000 }),
    ).toBeVisible();
    await waitFor(() => expect(sent.map((v) => v.dryRun)).toEqual([true, true, false, false]));
    expect(sent.filter((v) => !v.dryRun).every((v) => typeof v.commandId === 'string')).toBe(true);
  });
});
