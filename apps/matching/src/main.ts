import 'reflect-metadata';
import { bootstrapService } from '@trellis/shared/platform';
import { AppModule } from './app.module';

bootstrapService(AppModule.register()).catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'fatal', service: 'matching', msg: 'start-up failed', err: String(error) }));
  process.exit(1);
});
