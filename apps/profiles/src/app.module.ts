import { Module } from '@nestjs/common';
import { PlatformModule } from '@trellis/shared/platform';

@Module({
  imports: [PlatformModule.forService({ service: 'profiles', mongo: true, kafka: true })],
})
export class AppModule {}
