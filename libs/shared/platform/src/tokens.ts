export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');
export const KAFKA = Symbol('KAFKA');
export const SERVICE_METRICS = Symbol('SERVICE_METRICS');
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
