import type { INestApplication } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PrivateInfrastructure, testInfrastructure } from '@trellis/shared/testing';
import { PlatformModule } from './platform.module';

async function readiness(app: INestApplication): Promise<number> {
  const url = await app.getUrl();
  return (await fetch(`${url.replace('[::1]', '127.0.0.1')}/health/ready`)).status;
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

describe('readiness follows the database', () => {
  let infra: PrivateInfrastructure;
  let app: INestApplication;

  beforeAll(async () => {
    const ferret = await PrivateInfrastructure.ferretDb();
    infra = ferret.infra;
    await infra.up('ferretdb');

    @Module({
      imports: [
        PlatformModule.forService({
          service: 'profiles',
          mongo: true,
          kafka: true,
          config: { mongoUrl: ferret.mongoUrl, kafkaBrokers: testInfrastructure.kafkaBrokers, port: 0 },
        }),
      ],
    })
    class ProbeModule {}

    app = await NestFactory.create(ProbeModule, { logger: false });
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await infra?.destroy();
  });

  it('is 200 with FerretDB up, 503 while it is stopped and 200 again once it is back', async () => {
    expect(await readiness(app)).toBe(200);
    await infra.down('ferretdb');
    expect(await eventually(async () => (await readiness(app)) === 503, 15_000)).toBe(true);
    const live = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/health/live`);
    expect(live.status).toBe(200);
    await infra.up('ferretdb');
    expect(await eventually(async () => (await readiness(app)) === 200, 30_000)).toBe(true);
  });
});
