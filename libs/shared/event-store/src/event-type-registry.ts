import { UnknownEventTypeError } from './errors';

type Upcaster = (data: unknown) => unknown;

export interface EventTypeDefinition {
  type: string;
  /** The version written today. */
  schemaVersion: number;
  /** `upcasters[n]` turns version n data into version n + 1. */
  upcasters?: Record<number, Upcaster>;
}

/**
 * Stored type names come from this explicit list, never from class names, so renaming code cannot orphan history;
 * old versions are upcast on read, so deciders and projections only ever see the current shape.
 */
export class EventTypeRegistry {
  private readonly definitions = new Map<string, EventTypeDefinition>();

  constructor(definitions: EventTypeDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: EventTypeDefinition): this {
    if (this.definitions.has(definition.type)) throw new Error(`Event type ${definition.type} is registered twice`);
    this.definitions.set(definition.type, definition);
    return this;
  }

  currentVersion(type: string): number {
    const definition = this.definitions.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    return definition.schemaVersion;
  }

  upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const definition = this.definitions.get(type);
    if (!definition) throw new UnknownEventTypeError(type);
    let version = schemaVersion;
    let current = data;
    while (version < definition.schemaVersion) {
      const upcaster = definition.upcasters?.[version];
      if (!upcaster) throw new Error(`No upcaster for ${type} from version ${version} to ${version + 1}`);
      current = upcaster(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
