import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

describe('loadConfig', () => {
  it('needs nothing to run locally', () => {
    const config = loadConfig({});
    expect(config.COOP_URL).toBeUndefined();
    expect(config.COOP_FORMAT).toBe('json');
    expect(config.POLL_INTERVAL).toBe(30);
    expect(config.FEED_REMOVE_DELETED).toBe(true);
    expect(config.DISCORD_PREFIX).toBe('!');
  });

  it('reads values and treats empty strings as unset', () => {
    const config = loadConfig({
      COOP_URL: 'http://127.0.0.1:4567',
      COOP_FORMAT: 'xml',
      POLL_INTERVAL: '5',
      DATABASE_URL: '',
    });
    expect(config.COOP_URL).toBe('http://127.0.0.1:4567');
    expect(config.COOP_FORMAT).toBe('xml');
    expect(config.POLL_INTERVAL).toBe(5);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reports every problem at once, each naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ COOP_FORMAT: 'yaml', POLL_INTERVAL: '1', COOP_URL: 'not a url', DISCORD_TOKEN: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('COOP_FORMAT');
    expect(problems).toContain('POLL_INTERVAL: must be at least 5 seconds');
    expect(problems).toContain('COOP_URL');
    expect((error as ConfigError).code).toBe('config_invalid');
  });

  it('checks settings that belong together', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ DISCORD_TOKEN: 'abc' })).toThrow(/DISCORD_APP_ID/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN).toBe(
      'xapp-1',
    );
  });
});
