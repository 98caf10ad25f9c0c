import { Controller, Get, Header, Inject } from '@nestjs/common';
import { WEB_APP_CONFIG, type WebAppConfig } from './web-app.config';

/**
 * The web app's runtime configuration: which OIDC issuer and client id to sign in with. Served rather than built in,
 * so one build of apps/web works against any identity provider (ADR 0009).
 */
@Controller()
export class WebConfigController {
  constructor(@Inject(WEB_APP_CONFIG) private readonly config: WebAppConfig) {}

  @Get('config.json')
  @Header('Cache-Control', 'no-cache')
  runtimeConfig(): { issuer: string; clientId: string; scope: string } {
    return { issuer: this.config.issuer, clientId: this.config.clientId, scope: this.config.scope };
  }
}
