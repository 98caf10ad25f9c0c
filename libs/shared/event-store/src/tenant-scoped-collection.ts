import type { mongo } from 'mongoose';

type Collection<T extends mongo.Document> = mongo.Collection<T>;
type Document = mongo.Document;
type Filter<T> = mongo.Filter<T>;
type FindOptions = mongo.FindOptions;
type OptionalUnlessRequiredId<T> = mongo.OptionalUnlessRequiredId<T>;
type UpdateFilter<T> = mongo.UpdateFilter<T>;
type WithId<T> = mongo.WithId<T>;

/** Raised when code tries to reach across tenants: a programming error, never a user's. */
export class TenantGuardError extends Error {
  constructor(reason: string) {
    super(`Tenant guard: ${reason}`);
    this.name = 'TenantGuardError';
  }
}

type TenantDocument = Document & { tenantId: string };

const FORBIDDEN_OPERATORS = new Set(['$where', '$expr', '$function', '$accumulator', '$or', '$nor']);

/**
 * The one way repositories reach a tenant's rows (docs/architecture.md §7): the tenant filter is added to every read,
 * write and delete here, so a query that forgets it cannot exist. Filters that could escape it (`$or` around the
 * tenant, server-side JavaScript) are refused outright, and a document written for another tenant is an error.
 */
export class TenantScopedCollection<T extends TenantDocument> {
  constructor(
    private readonly collection: Collection<T>,
    readonly tenantId: string,
  ) {
    if (!tenantId) throw new TenantGuardError('no tenant id');
  }

  private scoped(filter: Filter<T> = {}): Filter<T> {
    for (const key of Object.keys(filter)) {
      if (FORBIDDEN_OPERATORS.has(key)) throw new TenantGuardError(`operator ${key} is not allowed at the top level`);
    }
    const requested = (filter as { tenantId?: unknown }).tenantId;
    if (requested !== undefined && requested !== this.tenantId) {
      throw new TenantGuardError('the filter names another tenant');
    }
    return { ...filter, tenantId: this.tenantId } as Filter<T>;
  }

  find(filter: Filter<T> = {}, options?: FindOptions): Promise<Array<WithId<T>>> {
    return this.collection.find(this.scoped(filter), options).toArray();
  }

  findOne(filter: Filter<T>): Promise<WithId<T> | null> {
    return this.collection.findOne(this.scoped(filter));
  }

  countDocuments(filter: Filter<T> = {}): Promise<number> {
    return this.collection.countDocuments(this.scoped(filter));
  }

  async insertOne(document: OptionalUnlessRequiredId<T>): Promise<void> {
    if ((document as TenantDocument).tenantId !== this.tenantId) {
      throw new TenantGuardError('the document belongs to another tenant');
    }
    await this.collection.insertOne(document);
  }

  async updateOne(filter: Filter<T>, update: UpdateFilter<T>): Promise<number> {
    const tenantChange = (update.$set as { tenantId?: unknown } | undefined)?.tenantId;
    if (tenantChange !== undefined && tenantChange !== this.tenantId) {
      throw new TenantGuardError('an update may not move a row to another tenant');
    }
    return (await this.collection.updateOne(this.scoped(filter), update)).matchedCount;
  }

  async deleteMany(filter: Filter<T>): Promise<number> {
    return (await this.collection.deleteMany(this.scoped(filter))).deletedCount;
  }
}
