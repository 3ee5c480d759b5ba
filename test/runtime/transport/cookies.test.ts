import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { CookieJar } from '../../../runtime/transport/cookie-jar.js';
import { json } from '../support/server.js';
import { ops } from '../support/api.js';
import { harness } from '../support/harness.js';

const { setup } = harness();

describe('cookie jar (cookies: true)', () => {
  test('a cookie set on a redirect is sent to its target and on later calls; none without a jar', async () => {
    const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void => {
      if (req.url === '/pets/set') {
        res
          .writeHead(302, { location: '/pets/echo', 'set-cookie': ['flavor=chocolate; Path=/', 'gone=1; Max-Age=0'] })
          .end();
      } else json(res, 200, { cookie: req.headers.cookie ?? null });
    };
    const { client } = await setup(handler, { cookies: true });
    assert.deepEqual(await client.request(ops.getPet, { petId: 'set' }), { cookie: 'flavor=chocolate' });
    assert.deepEqual(await client.request(ops.getPet, { petId: 'echo' }), { cookie: 'flavor=chocolate' });
    const derived = client.withOptions({ timeout: { read: 5000 } });
    assert.deepEqual(
      await derived.request(ops.getPet, { petId: 'echo' }),
      { cookie: 'flavor=chocolate' },
      'shared with derived clients',
    );
    const { client: plain } = await setup(handler);
    assert.deepEqual(await plain.request(ops.getPet, { petId: 'set' }), { cookie: null });
  });

  test('domain, path, secure and expiry rules', () => {
    const jar = new CookieJar();
    jar.store(
      [
        'a=1; Domain=example.com; Path=/',
        'b=2; Path=/api',
        'c=3; Secure',
        'evil=1; Domain=other.com',
        'tld=1; Domain=com',
        'old=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      ],
      'http://api.example.com/api/v1/things',
    );
    assert.equal(jar.header('http://www.example.com/'), undefined, 'host-only: Domain=example.com does not widen it');
    assert.equal(jar.header('http://api.example.com/api/x'), 'b=2; a=1');
    assert.equal(jar.header('http://api.example.com/apix'), 'a=1');
    // c's default path is /api/v1: longer paths first (RFC 6265 5.4).
    assert.equal(jar.header('https://api.example.com/api/v1/z'), 'c=3; b=2; a=1');
    assert.equal(jar.header('http://other.com/'), undefined);
    assert.equal(jar.size, 3);
  });

  describe('Domain= never widens a cookie past the host that set it (no public-suffix list)', () => {
    const sentTo = (setCookie: string, from: string, to: string): string | undefined => {
      const jar = new CookieJar();
      jar.store([setCookie], from);
      return jar.header(to);
    };

    test('a public suffix (co.uk) from api.example.co.uk: host-only, not for co.uk, its siblings or its parent', () => {
      const line = 'sid=1; Domain=co.uk; Path=/';
      assert.equal(sentTo(line, 'https://api.example.co.uk/', 'https://api.example.co.uk/x'), 'sid=1');
      assert.equal(sentTo(line, 'https://api.example.co.uk/', 'https://bank.co.uk/'), undefined);
      assert.equal(sentTo(line, 'https://api.example.co.uk/', 'https://example.co.uk/'), undefined);
    });

    test('a private-section suffix (github.io) from evil.github.io: not for victim.github.io', () => {
      assert.equal(
        sentTo('sid=1; Domain=github.io', 'https://evil.github.io/', 'https://victim.github.io/'),
        undefined,
      );
      assert.equal(sentTo('sid=1; Domain=github.io', 'https://evil.github.io/', 'https://evil.github.io/'), 'sid=1');
    });

    test('a registrable parent (example.com) from api.example.com: back to api.example.com only', () => {
      const line = 'sid=1; Domain=.example.com; Path=/';
      assert.equal(sentTo(line, 'https://api.example.com/', 'https://api.example.com/v1'), 'sid=1');
      assert.equal(sentTo(line, 'https://api.example.com/', 'https://www.example.com/'), undefined);
      assert.equal(sentTo(line, 'https://api.example.com/', 'https://example.com/'), undefined);
    });

    test('the host itself: host-only, not for its subdomains', () => {
      const line = 'sid=1; Domain=api.example.com';
      assert.equal(sentTo(line, 'https://api.example.com/', 'https://api.example.com/'), 'sid=1');
      assert.equal(sentTo(line, 'https://api.example.com/', 'https://eu.api.example.com/'), undefined);
    });

    test('a Domain that does not cover the host, or has no dot: the cookie is dropped', () => {
      assert.equal(
        sentTo('sid=1; Domain=other.com', 'https://api.example.com/', 'https://api.example.com/'),
        undefined,
      );
      assert.equal(sentTo('sid=1; Domain=com', 'https://api.example.com/', 'https://api.example.com/'), undefined);
      assert.equal(sentTo('sid=1; Domain=example.com', 'https://127.0.0.1/', 'https://127.0.0.1/'), undefined);
    });
  });
});
