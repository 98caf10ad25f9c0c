import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { DemoSeed } from './demo-seed';

/** The demo organization, seeded on start when the environment asks for it. */
@Module({ imports: [ProfilesModule], providers: [DemoSeed] })
export class SeedModule {}
