import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceConfig, PlatformModule } from '@trellis/shared/platform';
import { GatewayModule, type GatewayOptions } from './gateway.module';

export interface GatewayAppOptions extends GatewayOptions {
  platform?: Partial<ServiceConfig>;
}

@Module({})
export class AppModule {
  static forRoot(options: GatewayAppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'gateway', mongo: false, kafka: true, config: options.platform }),
        GatewayModule.forRoot(options),
      ],
    };
  }
}
