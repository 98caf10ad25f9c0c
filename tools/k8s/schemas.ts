// Schema validation of rendered objects: built-in kinds with kubernetes-models (the Kubernetes OpenAPI schemas,
// compiled), Strimzi's KafkaTopic with the subset of its v1beta2 CRD schema that Trellis uses.
import Ajv from 'ajv';
import type { K8sObject } from './kustomize';

/** Module of kubernetes-models for an apiVersion: `apps/v1` → `kubernetes-models/apps/v1`, `v1` → `.../v1`. */
function modelModule(apiVersion: string): string {
  return `kubernetes-models/${apiVersion}`;
}

const kafkaTopicSchema = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { const: 'kafka.strimzi.io/v1beta2' },
    kind: { const: 'KafkaTopic' },
    metadata: {
      type: 'object',
      required: ['name', 'labels'],
      properties: {
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
        labels: {
          type: 'object',
          required: ['strimzi.io/cluster'],
          properties: { 'strimzi.io/cluster': { type: 'string', minLength: 1 } },
          additionalProperties: { type: 'string' },
        },
      },
    },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['partitions', 'replicas'],
      properties: {
        topicName: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,249}$' },
        partitions: { type: 'integer', minimum: 1 },
        replicas: { type: 'integer', minimum: 1, maximum: 32767 },
        config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validateKafkaTopic = ajv.compile(kafkaTopicSchema);

/** Throws with the object's kind and name when it does not match its schema (or its kind is unknown). */
export function validateObject(object: K8sObject): void {
  const where = `${object.kind}/${object.metadata?.name}`;
  if (object.apiVersion === 'kafka.strimzi.io/v1beta2' && object.kind === 'KafkaTopic') {
    if (!validateKafkaTopic(object)) throw new Error(`${where}: ${ajv.errorsText(validateKafkaTopic.errors)}`);
    return;
  }
  let models: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    models = require(modelModule(object.apiVersion)) as Record<string, unknown>;
  } catch {
    throw new Error(`${where}: no schema for apiVersion ${object.apiVersion}`);
  }
  const Model = models[object.kind] as (new (data: unknown) => { validate(): void }) | undefined;
  if (!Model) throw new Error(`${where}: no schema for kind ${object.kind} in ${object.apiVersion}`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
