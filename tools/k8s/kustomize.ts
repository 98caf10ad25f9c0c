// Renders k8s/ with the real kustomize, installed on demand: `go install` of a pinned version into the Trellis cache
// (Go is already a requirement of the local infrastructure), reused offline afterwards.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

export const KUSTOMIZE_VERSION = 'v5.7.1';
const cacheDir = process.env['TRELLIS_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'trellis');

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: unknown;
}

/** The kustomize binary: TRELLIS_KUSTOMIZE if set, else the cached pinned version, built with Go on first use. */
export function kustomizeBinary(): string {
  const override = process.env['TRELLIS_KUSTOMIZE'];
  if (override) return override;
  const gobin = path.join(cacheDir, `kustomize-${KUSTOMIZE_VERSION}`);
  const binary = path.join(gobin, 'kustomize');
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(gobin, { recursive: true });
  try {
    execFileSync('go', ['install', `sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}`], {
      env: { ...process.env, GOBIN: gobin, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 15 * 60_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`installing kustomize ${KUSTOMIZE_VERSION} with Go failed (Go 1.22+ needed): ${stderr}`);
  }
  return binary;
}

/** `kustomize build <dir>` as plain objects. */
export function render(dir: string): K8sObject[] {
  const output = execFileSync(kustomizeBinary(), ['build', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return parseAllDocuments(output)
    .map((doc) => {
      if (doc.errors.length) throw new Error(`kustomize output does not parse: ${doc.errors[0]?.message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}
