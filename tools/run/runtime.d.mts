// Types of runtime.mjs for the TypeScript that imports it (its spec).
export const REQUIRED_MAJOR: number;
export const PINNED_VERSION: string;
export const PINNED_PACKAGES: Record<string, { name: string; integrity: string }>;
export type RuntimeChoice =
  | { kind: 'running' }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'cached'; home: string; execPath: string; name: string; integrity: string };
export function chooseRuntime(input: {
  runningVersion: string;
  platform: string;
  arch: string;
  cacheDir: string;
}): RuntimeChoice;
export function runtimeCacheDir(env?: NodeJS.ProcessEnv): string;
export function ensureRuntime(options?: { announce?: boolean }): Promise<void>;
