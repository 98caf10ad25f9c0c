import { decideParticipant, initialParticipantState, participantIdFor, type Profile } from '@trellis/profiles/domain';
import type { Principal } from '@trellis/shared/auth';
import { DomainError, IdempotencyConflictError, isDuplicateKeyError } from '@trellis/shared/event-store';
import { parse } from 'csv-parse/sync';
import type { Collection, Connection } from 'mongoose';
import type { ParticipantRow, ProfilesReadModels } from '../core/read-models';
import type { ProfilesStore } from '../core/profiles-store';
import type { ProfileInput } from '../graphql/profiles.types';
import { BULK_CHUNK_SIZE, type BulkEnrollment } from './bulk-enrollment';
import { mergeProfileInput, parseRoles } from './profile-input';
import type { ProfilesService } from './profiles.service';

export const IMPORT_COLUMNS = [
  'person_id',
  'email',
  'display_name',
  'roles',
  'timezone',
  'languages',
  'department',
  'seniority',
  'field',
  'skills_offered',
  'skills_sought',
  'interests',
  'mentor_capacity',
  'cohort_id',
] as const;
const REQUIRED = ['person_id', 'email', 'display_name', 'roles', 'timezone', 'languages'] as const;

export interface ImportResult {
  imported: number;
  alreadyEnrolled: number;
  failed: number;
  errors: Array<{ line: number; message: string }>;
}

/** The answer an import gave, kept under its command id so that a retry gets it again. */
interface ImportReportDocument extends ImportResult {
  /** `<tenantId>:<personId>:<commandId>`: a command id is the caller's own, never another person's. */
  _id: string;
  programId: string;
  createdAt: Date;
}

interface ValidRow {
  line: number;
  personId: string;
  roles: ReturnType<typeof parseRoles>;
  cohortId: string | null;
  mentorCapacity: number | null;
  input: ProfileInput;
}

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Person-based commit ids make a re-upload of the same file, or of a part of it, idempotent; with the import's command
 * id in them, a retried import can also tell its own enrollments from those of an earlier upload.
 */
const enrollmentCommitId = (programId: string, personId: string, importKey: string | undefined): string =>
  importKey === undefined ? `import:${programId}:${personId}` : `import:${programId}:${personId}:${importKey}`;

/**
 * Bulk enrollment from a manager's CSV. Every row is checked first with the same rules as one enrollment, so the
 * report names each bad line; then valid rows are enrolled — or none at all when the manager asked for
 * all-or-nothing and any row is bad. Re-uploading the same file is safe: already enrolled people are counted, not
 * enrolled twice. A dry run reports the same checks and enrolls nobody. With a command id the report itself is
 * kept: a retry after a lost answer gets the first report (people it enrolled counted as imported), not a second one
 * that calls them already enrolled.
 */
export class ParticipantImportService {
  private readonly reports: Collection<ImportReportDocument>;

  constructor(
    private readonly profiles: ProfilesService,
    private readonly store: ProfilesStore,
    private readonly readModels: ProfilesReadModels,
    private readonly bulk: BulkEnrollment,
    connection: Connection,
  ) {
    this.reports = connection.collection<ImportReportDocument>(
      'import_reports',
    ) as unknown as Collection<ImportReportDocument>;
  }

  /** The program's rows of everyone the file names, read with one query per chunk of people instead of one per line. */
  private async existingParticipants(
    tenantId: string,
    programId: string,
    body: string[][],
    columns: string[],
  ): Promise<Map<string, ParticipantRow>> {
    const column = columns.indexOf('person_id');
    const personIds = [...new Set(body.map((cells) => cells[column] ?? '').filter((id) => id !== ''))];
    const rows = new Map<string, ParticipantRow>();
    for (let start = 0; start < personIds.length; start += BULK_CHUNK_SIZE) {
      const ids = personIds.slice(start, start + BULK_CHUNK_SIZE).map((id) => participantIdFor(programId, id));
      for (const row of await this.readModels.participantsOf(tenantId).find({ _id: { $in: ids } })) {
        rows.set(row._id, row);
      }
    }
    return rows;
  }

  async import(
    principal: Principal,
    programId: string,
    csv: string,
    allOrNothing: boolean,
    options: { commandId?: string | undefined; dryRun?: boolean } = {},
  ): Promise<ImportResult> {
    await this.profiles.changeProgramGuard(principal, programId);
    const { commandId } = options;
    // A dry run changes nothing, so it has no answer to keep for a retry.
    if (options.dryRun) return this.run(principal, programId, csv, allOrNothing, undefined, true);
    if (commandId === undefined) return this.run(principal, programId, csv, allOrNothing, undefined);
    const _id = `${principal.tenantId}:${principal.personId}:${commandId}`;
    const earlier = await this.reports.findOne({ _id });
    if (earlier) return this.answered(earlier, programId, commandId);
    // The caller's own: another person replaying this command id did not enroll anyone with it.
    const result = await this.run(principal, programId, csv, allOrNothing, `${principal.personId}:${commandId}`);
    try {
      await this.reports.insertOne({ _id, programId, createdAt: new Date(), ...result });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // The same retry ran alongside: the report stored first is the answer.
      const first = await this.reports.findOne({ _id });
      if (first) return this.answered(first, programId, commandId);
    }
    return result;
  }

  private answered(report: ImportReportDocument, programId: string, commandId: string): ImportResult {
    if (report.programId !== programId) throw new IdempotencyConflictError(commandId);
    const { imported, alreadyEnrolled, failed, errors } = report;
    return { imported, alreadyEnrolled, failed, errors };
  }

  /**
   * The people of the file whose enrollment this very import command wrote: a retry after a crash that came between
   * the enrollments and the stored report counts them as imported, as the lost first answer did.
   */
  private async enrolledBy(
    programId: string,
    existingRows: Map<string, ParticipantRow>,
    importKey: string | undefined,
  ): Promise<Set<string>> {
    if (importKey === undefined || existingRows.size === 0) return new Set();
    const personIds = [...existingRows.values()].map((row) => row.personId);
    const byCommitId = new Map(personIds.map((id) => [enrollmentCommitId(programId, id, importKey), id]));
    const written = await this.store.existingCommitIds([...byCommitId.keys()]);
    return new Set([...written].map((commitId) => byCommitId.get(commitId) as string));
  }

  private async run(
    principal: Principal,
    programId: string,
    csv: string,
    allOrNothing: boolean,
    importKey: string | undefined,
    dryRun = false,
  ): Promise<ImportResult> {
    if (csv.length > 5_000_000)
      throw new DomainError('BAD_USER_INPUT', 'The file is larger than 5 MB.', { field: 'csv' });
    let records: string[][];
    try {
      records = parse(csv, { skip_empty_lines: false, relax_column_count: true, trim: true, bom: true });
    } catch (error) {
      throw new DomainError('BAD_USER_INPUT', `The file is not valid CSV: ${(error as Error).message}`, {
        field: 'csv',
      });
    }
    const [header, ...body] = records;
    if (!header) throw new DomainError('BAD_USER_INPUT', 'The file is empty.', { field: 'csv' });
    const columns = header.map((h) => h.toLowerCase());
    const missing = REQUIRED.filter((c) => !columns.includes(c));
    if (missing.length) {
      throw new DomainError('BAD_USER_INPUT', `Line 1: missing column(s) ${missing.join(', ')}.`, { field: 'csv' });
    }
    const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
    if (unknown.length) {
      throw new DomainError('BAD_USER_INPUT', `Line 1: unknown column(s) ${unknown.join(', ')}.`, { field: 'csv' });
    }

    const program = await this.store.programFacts(principal.tenantId, programId);
    const existingRows = await this.existingParticipants(principal.tenantId, programId, body, columns);
    const enrolledByThisImport = await this.enrolledBy(programId, existingRows, importKey);
    const errors: ImportResult['errors'] = [];
    const valid: ValidRow[] = [];
    const seen = new Map<string, number>();
    let alreadyEnrolled = 0;
    let imported = 0;
    for (const [index, cells] of body.entries()) {
      const line = index + 2;
      if (cells.every((c) => c === '')) continue;
      const cell = (name: string): string | undefined => {
        const value = cells[columns.indexOf(name)];
        return value === undefined || value === '' ? undefined : value;
      };
      try {
        const personId = cell('person_id') ?? '';
        if (!/^[A-Za-z0-9._:@|-]{1,128}$/.test(personId)) {
          throw new DomainError('BAD_USER_INPUT', 'person_id is missing or has characters an identity id cannot have.');
        }
        const earlier = seen.get(personId);
        if (earlier !== undefined) throw new DomainError('BAD_USER_INPUT', `The same person is on line ${earlier}.`);
        seen.set(personId, line);
        const numberCell = (name: string): number | null => {
          const value = cell(name);
          if (value === undefined) return null;
          if (!/^-?\d+$/.test(value)) throw new DomainError('BAD_USER_INPUT', `${name} must be a whole number.`);
          return Number(value);
        };
        const row: ValidRow = {
          line,
          personId,
          roles: parseRoles(list(cell('roles'))),
          cohortId: cell('cohort_id') ?? null,
          mentorCapacity: numberCell('mentor_capacity'),
          input: {
            displayName: cell('display_name'),
            email: cell('email'),
            timezone: cell('timezone'),
            languages: list(cell('languages')),
            department: cell('department') ?? null,
            seniority: numberCell('seniority'),
            field: cell('field') ?? null,
            skillsOffered: list(cell('skills_offered')).map((entry) => {
              const [skill = '', level = '3'] = entry.split(':');
              if (!/^\d$/.test(level.trim())) {
                throw new DomainError('BAD_USER_INPUT', `skills_offered "${entry}": write skill:level, level 1–5.`);
              }
              return { skill, level: Number(level) };
            }),
            skillsSought: list(cell('skills_sought')),
            interests: list(cell('interests')),
          },
        };
        const existing = existingRows.get(participantIdFor(programId, personId));
        if (existing && existing.status !== 'withdrawn' && !('erased' in existing && existing.erased)) {
          if (enrolledByThisImport.has(personId)) imported += 1;
          else alreadyEnrolled += 1;
          continue;
        }
        // Dry run of the enrollment decision: the domain sees sealed text only, so placeholders stand in for it.
        const plain = mergeProfileInput(row.input, null);
        const placeholder = { enc: 'validation-only' };
        const profile: Profile = {
          ...plain,
          displayName: placeholder,
          email: placeholder,
          headline: null,
          bio: null,
          goals: null,
          answers: [],
        };
        decideParticipant(
          {
            type: 'Enroll',
            participantId: participantIdFor(programId, personId),
            personId,
            roles: row.roles,
            cohortId: row.cohortId,
            mentorCapacity: row.mentorCapacity,
            invited: true,
            profile,
            program,
          },
          initialParticipantState(),
        );
        valid.push(row);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push({ line, message: error.message });
      }
    }

    if (allOrNothing && errors.length > 0) {
      return { imported: 0, alreadyEnrolled: alreadyEnrolled + imported, failed: errors.length, errors };
    }
    if (dryRun) return { imported: imported + valid.length, alreadyEnrolled, failed: errors.length, errors };
    const outcomes = await this.bulk.enroll(
      principal,
      program,
      valid.map((row) => ({
        personId: row.personId,
        roles: row.roles,
        cohortId: row.cohortId,
        mentorCapacity: row.mentorCapacity,
        profile: row.input,
        commandId: enrollmentCommitId(programId, row.personId, importKey),
      })),
      { selfEnrolled: false },
    );
    for (const [index, error] of outcomes.entries()) {
      const row = valid[index] as ValidRow;
      if (error) errors.push({ line: row.line, message: error.message });
      else imported += 1;
    }
    errors.sort((a, b) => a.line - b.line);
    return { imported, alreadyEnrolled, failed: errors.length, errors };
  }
}

export { ProfilesService };
