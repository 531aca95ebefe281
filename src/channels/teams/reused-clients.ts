import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** Enough for every Bot Connector region a tenant's channels are served from, many times over. */
const MAX_CLIENTS = 64;

/** A small map that forgets its oldest entry when full. */
class Remembered<T> {
  readonly #entries = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.#entries.get(key);
    if (known) return known;
    const made = make();
    // a client that could not be made is asked for again next time
    made.catch(() => {
      if (this.#entries.get(key) === made) this.#entries.delete(key);
    });
    if (this.#entries.size >= MAX_CLIENTS) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, made);
    return made;
  }
}

function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** Hands out one ConnectorClient per app, service URL and audience, made by the factory it wraps. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: Remembered<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and UserTokenClient, each with its
 * own HTTP pipeline, for every activity: that was a sixth of the CPU of answering a card
 * press. Their credentials fetch and renew tokens per request, so one client per app and
 * service URL serves every turn, as the older BotFrameworkAdapter kept them. Authentication
 * itself is untouched: every request is still checked by the wrapped instance.
 */
export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  readonly #connectors = new Remembered<ConnectorClient>();
  readonly #userTokens = new Remembered<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.#withReusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.#withReusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.#reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.#userTokens.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  #withReusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory
      ? { ...result, connectorFactory: this.#reusing(result.connectorFactory, result.claimsIdentity) }
      : result;
  }

  #reusing(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(factory, appIdOf(identity), this.#connectors);
  }
}
