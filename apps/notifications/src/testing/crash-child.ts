// A notifications app in a process of its own that kills itself (SIGKILL: no shutdown hooks, nothing flushed) right
// after SMTP accepted a message and before the send is recorded. Started by the crash test in notifications.int-spec.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { AuthConfig } from '@trellis/shared/auth';
import { AppModule } from '../app.module';
import type { NotificationsWiring } from '../notifications.wiring';

export interface CrashChildSpec {
  mongoDatabase: string;
  smtpUrl: string;
  auth: AuthConfig;
  wiring: Partial<NotificationsWiring>;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.env['TRELLIS_NOTIFICATIONS_CRASH_CHILD'] ?? 'null') as CrashChildSpec | null;
  if (!spec) throw new Error('TRELLIS_NOTIFICATIONS_CRASH_CHILD is not set');
  const app = await NestFactory.create(
    AppModule.register({
      config: { mongoDatabase: spec.mongoDatabase, port: 0, smtpUrl: spec.smtpUrl },
      auth: spec.auth,
      wiring: {
        ...spec.wiring,
        smtpUrl: spec.smtpUrl,
        afterSmtpAccept: () => process.kill(process.pid, 'SIGKILL'),
      },
    }),
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
