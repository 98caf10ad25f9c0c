import { programStreamId, type ProfilesEventData } from '@trellis/profiles/contracts';
import { DEFAULT_MIN_RESPONDENTS } from '@trellis/sessions/domain';
import type { ProjectionDefinition, ReadModelRow, RevisionGuardedCollection } from '@trellis/shared/event-store';
import { TenantGuardError } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { Collection, Connection } from 'mongoose';

export const PROGRAM_SETTINGS_GROUP = 'sessions.program-settings';
export const PROGRAM_SETTINGS_COLLECTION = 'program_settings';

/** The program settings sessions acts on, as profiles last announced them. */
export interface SessionsProgramSettings {
  /** People who must answer before a group's survey figures show. */
  surveyResultThreshold: number;
  /** Days after a mentorship ends after which its conversation's messages are shredded; null keeps them. */
  conversationRetentionDays: number | null;
}

export interface ProgramSettingsRow extends Record<string, unknown>, SessionsProgramSettings {
  tenantId: string;
  programId: string;
}

/** What a program that profiles has not announced (or announced before these settings existed) uses. */
export const DEFAULT_SESSIONS_PROGRAM_SETTINGS: SessionsProgramSettings = {
  surveyResultThreshold: DEFAULT_MIN_RESPONDENTS,
  conversationRetentionDays: null,
};

/**
 * One row per program stream of profiles (ProgramCreated, ProgramSettingsChanged). Every program event passes the
 * revision guard, even those that change nothing here, so the row follows its stream and a replay rebuilds it.
 */
export function programSettingsProjection(
  topic: string,
  group = PROGRAM_SETTINGS_GROUP,
): ProjectionDefinition<ProgramSettingsRow> {
  return {
    name: group,
    collection: PROGRAM_SETTINGS_COLLECTION,
    topics: [topic],
    apply: (envelope, rows) => applyProgramSettingsEvent(envelope, rows),
  };
}

export async function applyProgramSettingsEvent(
  envelope: EventEnvelope,
  rows: RevisionGuardedCollection<ProgramSettingsRow>,
): Promise<void> {
  if (envelope.streamType !== 'program') return;
  await rows.apply(envelope.streamId, envelope, (current) => {
    switch (envelope.type) {
      case 'ProgramCreated':
      case 'ProgramSettingsChanged': {
        const data = envelope.data as ProfilesEventData<'ProgramSettingsChanged'>;
        return {
          tenantId: envelope.tenantId,
          programId: data.programId,
          surveyResultThreshold: data.settings.surveyResultThreshold ?? DEFAULT_MIN_RESPONDENTS,
          conversationRetentionDays: data.settings.conversationRetentionDays ?? null,
        };
      }
      default:
        return current ?? null;
    }
  });
}

/** Reads the settings by program; the tenant is always checked. */
export class ProgramSettingsDirectory {
  private readonly rows: Collection<ReadModelRow>;

  constructor(connection: Connection, collection = PROGRAM_SETTINGS_COLLECTION) {
    this.rows = connection.collection<ReadModelRow>(collection) as unknown as Collection<ReadModelRow>;
  }

  async settingsOf(tenantId: string, programId: string): Promise<SessionsProgramSettings> {
    if (!tenantId) throw new TenantGuardError('no tenant id');
    const row = await this.rows.findOne({ _id: programStreamId(programId), tenantId, _deleted: { $ne: true } });
    if (!row) return DEFAULT_SESSIONS_PROGRAM_SETTINGS;
    const data = row as unknown as ProgramSettingsRow;
    return {
      surveyResultThreshold: data.surveyResultThreshold,
      conversationRetentionDays: data.conversationRetentionDays,
    };
  }

  /** Every program of every tenant that shreds messages after a while: the retention run is a system process. */
  async withRetention(): Promise<ProgramSettingsRow[]> {
    const rows = await this.rows
      .find({ conversationRetentionDays: { $type: 'number' }, _deleted: { $ne: true } })
      .toArray();
    return rows as unknown as ProgramSettingsRow[];
  }
}
