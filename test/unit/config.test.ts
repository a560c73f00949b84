import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('configuration from the environment', () => {
  it('has defaults that run the embedded database on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, PEERPATH_DATA_DIR: './data', DATABASE_URL: undefined, CRISIS_LINE: '988' });
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it.each([
    ['PORT', 'eighty'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SMTP_URL', 'http://mail.example'],
    ['TRUST_PROXY', 'maybe'],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
