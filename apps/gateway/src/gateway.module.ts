import { type DynamicModule, Module } from '@nestjs/common';
import { type AuthConfig, loadAuthConfig, TokenVerifier } from '@trellis/shared/auth';
import { type GatewayConfig, type GatewayLimits, loadGatewayConfig } from './gateway.config';
import { GatewayGraphqlService } from './graphql/gateway-graphql.service';
import { SubscriptionsService } from './subscriptions/subscriptions.service';
import { GATEWAY_CONFIG } from './tokens';
import { loadWebAppConfig, WEB_APP_CONFIG } from './web/web-app.config';
import { WebAppService } from './web/web-app.service';
import { WebConfigController } from './web/web-config.controller';

export interface GatewayOptions {
  /** Overrides on top of the environment (tests, benchmark). */
  config?: Partial<Omit<GatewayConfig, 'limits'>> & { limits?: Partial<GatewayLimits> };
  auth?: AuthConfig;
}

@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions = {}): DynamicModule {
    const config = (): GatewayConfig => {
      const base = loadGatewayConfig();
      return { ...base, ...options.config, limits: { ...base.limits, ...options.config?.limits } };
    };
    return {
      module: GatewayModule,
      controllers: [WebConfigController],
      providers: [
        {
          provide: WEB_APP_CONFIG,
          useFactory: () => ({ ...loadWebAppConfig(), ...(options.auth && { issuer: options.auth.issuer }) }),
        },
        WebAppService,
        { provide: GATEWAY_CONFIG, useFactory: config },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(options.auth ?? loadAuthConfig()) },
        GatewayGraphqlService,
        SubscriptionsService,
      ],
      exports: [GatewayGraphqlService, SubscriptionsService, TokenVerifier, GATEWAY_CONFIG],
    };
  }
}
