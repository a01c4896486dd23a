// The table-driven adversarial URL suite (RULES.md §1–§3), shared by
// tests/rules.test.mjs (Node) and tests/rules/page.html (Chromium).
// Each row: [api, url, expected reason, expected host, expected port (as written)].

export const TABLE_DOMAINS = Object.freeze({
  requestdomain: ['https://a.com', 'https://b.com:8443', 'https://例え.jp', 'https://up.a.com:443'],
  uploaddomain: ['https://up.a.com'],
  downloaddomain: ['https://dl.a.com'],
  wsrequestdomain: ['wss://ws.a.com'],
});

export const ADVERSARIAL = [
  // listed, path/query/fragment ignored, case-insensitive scheme and host
  ['request', 'https://a.com', 'listed', 'a.com'],
  ['request', 'https://a.com/x/y?q=1#f', 'listed', 'a.com'],
  ['request', 'HTTPS://A.COM/', 'listed', 'a.com'],
  ['request', 'https://a.com./', 'listed', 'a.com.'],
  ['request', 'https://a.com../', 'not-listed', 'a.com..'],
  // userinfo tricks: the host is what follows the last @ of the authority
  ['request', 'https://a.com@evil.com/', 'not-listed', 'evil.com'],
  ['request', 'https://evil.com@a.com/', 'listed', 'a.com'],
  ['request', 'https://a.com:443@evil.com/', 'not-listed', 'evil.com'],
  ['request', 'https://evil.com:pw@a.com/', 'listed', 'a.com'],
  ['request', 'https://a.com%40evil.com@a.com/', 'listed', 'a.com'],
  ['request', 'https://evil.com#@a.com/', 'not-listed', 'evil.com'],
  ['request', 'https://evil.com?@a.com/', 'not-listed', 'evil.com'],
  ['request', 'https://evil.com\\@a.com/', 'not-listed', 'evil.com'],
  // backslashes are slashes in special URLs; missing slashes are tolerated
  ['request', 'https:\\\\a.com\\path', 'listed', 'a.com'],
  ['request', 'https:/a.com/', 'listed', 'a.com'],
  ['request', 'https:a.com', 'listed', 'a.com'],
  ['request', 'https:///a.com/', 'listed', 'a.com'],
  // whitespace and controls
  ['request', '  https://a.com/  ', 'listed', 'a.com'],
  ['request', 'https://a\t.c\nom/', 'listed', 'a.com'],
  ['request', '\u0000https://a.com/', 'listed', 'a.com'],
  // encoded and IDN hosts, full-width dots and letters
  ['request', 'https://%61.com/', 'listed', 'a.com'],
  ['request', 'https://例え.jp/', 'listed', 'xn--r8jz45g.jp'],
  ['request', 'https://XN--R8JZ45G.jp/', 'listed', 'xn--r8jz45g.jp'],
  ['request', 'https://例え。jp/', 'listed', 'xn--r8jz45g.jp'],
  ['request', 'https://例え．jp/', 'listed', 'xn--r8jz45g.jp'],
  ['request', 'https://ａ.ｃｏｍ/', 'listed', 'a.com'],
  ['request', 'https://a.com%2F@evil.com/', 'not-listed', 'evil.com'],
  ['request', 'https://a%2Ecom/', 'listed', 'a.com'],
  // explicit ports: as written, even the default one
  ['request', 'https://a.com:443/', 'port', 'a.com', 443],
  ['request', 'https://a.com:0443/', 'port', 'a.com', 443],
  ['request', 'https://a.com:/', 'listed', 'a.com'],
  ['request', 'https://a.com:8443/', 'port', 'a.com', 8443],
  ['request', 'https://b.com:8443/', 'listed', 'b.com', 8443],
  ['request', 'https://b.com/', 'port', 'b.com'],
  ['request', 'https://up.a.com:443/', 'listed', 'up.a.com', 443],
  ['request', 'https://user:1@a.com/', 'listed', 'a.com'],
  // schemes
  ['request', 'http://a.com/', 'insecure', 'a.com'],
  ['request', 'HTTP://A.COM:80/', 'insecure', 'a.com', 80],
  ['request', 'wss://a.com/', 'invalid-url'],
  ['request', 'ftp://a.com/', 'invalid-url'],
  ['request', 'javascript:alert(1)', 'invalid-url'],
  ['connectSocket', 'wss://ws.a.com:7000/', 'listed', 'ws.a.com', 7000],
  ['connectSocket', 'ws://ws.a.com/', 'insecure', 'ws.a.com'],
  ['connectSocket', 'https://ws.a.com/', 'invalid-url'],
  ['uploadFile', 'https://up.a.com/', 'listed', 'up.a.com'],
  ['uploadFile', 'https://a.com/', 'not-listed', 'a.com'],
  ['downloadFile', 'https://dl.a.com/f.zip', 'listed', 'dl.a.com'],
  // localhost, loopback and unspecified addresses in every spelling
  ['request', 'https://localhost/', 'localhost', 'localhost'],
  ['request', 'https://LocalHost.:8080/', 'localhost', 'localhost.', 8080],
  ['request', 'https://api.localhost/', 'localhost', 'api.localhost'],
  ['request', 'http://localhost/', 'localhost', 'localhost'],
  ['request', 'https://127.0.0.1/', 'localhost', '127.0.0.1'],
  ['request', 'https://127.1/', 'localhost', '127.0.0.1'],
  ['request', 'https://0x7f.1/', 'localhost', '127.0.0.1'],
  ['request', 'https://0x7f000001/', 'localhost', '127.0.0.1'],
  ['request', 'https://2130706433/', 'localhost', '127.0.0.1'],
  ['request', 'https://0177.0.0.1/', 'localhost', '127.0.0.1'],
  ['request', 'https://127.0.0.1./', 'localhost', '127.0.0.1'],
  ['request', 'https://[::1]/', 'localhost', '[::1]'],
  ['request', 'https://[0:0:0:0:0:0:0:1]:8443/', 'localhost', '[::1]', 8443],
  ['request', 'https://[::ffff:127.0.0.1]/', 'localhost', '[::ffff:7f00:1]'],
  ['request', 'https://0.0.0.0/', 'localhost', '0.0.0.0'],
  ['request', 'https://0/', 'localhost', '0.0.0.0'],
  ['request', 'https://[::]/', 'localhost', '[::]'],
  ['request', 'https://localhost.com/', 'not-listed', 'localhost.com'],
  // other IP literals
  ['request', 'https://8.8.8.8/', 'ip', '8.8.8.8'],
  ['request', 'https://134744072/', 'ip', '8.8.8.8'],
  ['request', 'https://[2001:db8::1]/', 'ip', '[2001:db8::1]'],
  // the forbidden host
  ['request', 'https://api.weixin.qq.com/sns/jscode2session', 'forbidden-host', 'api.weixin.qq.com'],
  ['request', 'https://API.WEIXIN.QQ.COM./', 'forbidden-host', 'api.weixin.qq.com.'],
  ['request', 'http://api.weixin.qq.com/', 'forbidden-host', 'api.weixin.qq.com'],
  // unparseable
  ['request', '', 'invalid-url'],
  ['request', 'a.com', 'invalid-url'],
  ['request', '//a.com/', 'invalid-url'],
  ['request', 'https://', 'invalid-url'],
  ['request', 'https://a b.com/', 'invalid-url'],
  ['request', 'https://a.com:65536/', 'invalid-url'],
  ['request', 'https://a.com:8x/', 'invalid-url'],
  ['request', 'https://[::1/', 'invalid-url'],
  ['request', 'https://256.0.0.1/', 'invalid-url'],
  ['request', 'https://u@/', 'invalid-url'],
  ['request', 'https://xn--a.com/', 'invalid-url'],
];

export const ADVERSARIAL_URLS = ADVERSARIAL.map(([api, url]) => [api, url]);
