import { Module } from '@nestjs/common';
import { PlatformModule } from '@trellis/shared/platform';

@Module({
  imports: [PlatformModule.forService({ service: 'gateway', mongo: false, kafka: true })],
})
export class AppModule {}
