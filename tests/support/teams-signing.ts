import { sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { BotFrameworkEndpoints } from '../../src/channels/teams/adapter.js';

/** The app id the signed tests run as, and the issuer their tokens name. */
export const APP_ID = '0d6c2b1a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'klikbot-test-key';

/** A loopback OpenID provider: the metadata document and the JWKS with the test's public key. */
export async function startKeyServer(publicKey: KeyObject): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const documents: Record<string, unknown> = {
      '/openid': { issuer: ISSUER, jwks_uri: `${base}/keys` },
      '/keys': { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KEY_ID, use: 'sig', alg: 'RS256' }] },
    };
    const document = documents[request.url ?? ''];
    response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(document ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

/** A channel token as the Bot Connector signs it: RS256, our app as audience, the serviceUrl as claim. */
export function channelToken(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })}.${part({ iss: ISSUER, aud: APP_ID, nbf: now - 60, exp: now + 3600, ...claims })}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

/** Where the adapter checks inbound tokens (the key server) and what it signs outbound requests with (a fixed token, as Entra cannot be reached here). */
export function signedEndpoints(keysUrl: string): BotFrameworkEndpoints {
  return {
    settings: {
      ToBotFromChannelOpenIdMetadataUrl: `${keysUrl}/openid`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${keysUrl}/openid`,
      ToBotFromChannelTokenIssuer: ISSUER,
      ToChannelFromBotLoginUrl: `${keysUrl}/login`,
      ToChannelFromBotOAuthScope: ISSUER,
      OAuthUrl: `${keysUrl}/oauth`,
      CallerId: 'urn:botframework:azure',
    },
    credentialsFactory: {
      isValidAppId: async (appId = '') => appId === APP_ID,
      isAuthenticationDisabled: async () => false,
      createCredentials: async () =>
        ({
          signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
            request.headers.set('authorization', 'Bearer outbound-test-token');
            return request;
          },
        }) as never,
    },
  };
}
