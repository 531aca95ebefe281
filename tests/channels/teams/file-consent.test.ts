import { describe, expect, it } from 'vitest';
import { mayUploadTo } from '../../../src/channels/teams/file-consent.js';

const connector = 'http://127.0.0.1:40973';

describe('where klikbot puts a file a person accepted', () => {
  it("is the person's OneDrive over HTTPS, in any of Microsoft's clouds", () => {
    for (const host of ['kombit-my.sharepoint.com', 'kommune-my.sharepoint.us', 'x.sharepoint.de'])
      expect(mayUploadTo(`https://${host}/personal/mette/Documents/fil.csv`, connector, false)).toBe(true);
  });

  it('is nowhere else: plain HTTP, a look-alike host, an internal address, the connector outside local mode', () => {
    expect(mayUploadTo('http://kombit-my.sharepoint.com/fil.csv', connector, false)).toBe(false);
    expect(mayUploadTo('https://sharepoint.com.evil.example/fil.csv', connector, false)).toBe(false);
    expect(mayUploadTo('https://evil-sharepoint.com/fil.csv', connector, false)).toBe(false);
    expect(mayUploadTo('http://169.254.169.254/latest/meta-data', connector, true)).toBe(false);
    expect(mayUploadTo(`${connector}/upload/fil.csv`, connector, false)).toBe(false);
  });

  it('is, in local mode only, the loopback connector the activity came through', () => {
    expect(mayUploadTo(`${connector}/upload/fil.csv`, connector, true)).toBe(true);
    expect(mayUploadTo('http://127.0.0.1:9/upload/fil.csv', connector, true)).toBe(false);
    expect(mayUploadTo('https://klikbot.example.org/upload', 'https://klikbot.example.org', true)).toBe(false);
  });
});
