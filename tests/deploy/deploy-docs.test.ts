import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, DEPLOY_HEADERS } from '../../vite.config.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const DEPLOY = README.slice(README.indexOf('## Deploy'));

describe('README "Deploy"', () => {
  it('writes the policy the build and the preview server use, in every example', () => {
    const written = [...DEPLOY.matchAll(/default-src[^"`\n]*/g)].map((match) => match[0]);
    // The header list, nginx (twice: a nested location inherits no headers) and Caddy.
    expect(written).toHaveLength(4);
    for (const policy of written) expect(policy).toBe(DEPLOY_HEADERS['Content-Security-Policy']);
    expect(DEPLOY_HEADERS['Content-Security-Policy']).toBe(
      `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    // Neither scripts nor styles may be inline: the browser tests record every violation.
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
  });

  it('names every other header the preview server sends, with its value', () => {
    for (const [name, value] of Object.entries(DEPLOY_HEADERS)) {
      if (name === 'Content-Security-Policy') continue;
      expect(DEPLOY, name).toContain(`${name}: ${value}`);
      expect(DEPLOY, name).toMatch(new RegExp(`add_header ${name} ${value} always;`));
      expect(DEPLOY, name).toMatch(new RegExp(`header ${name} ${value}\\n`));
    }
  });
});
