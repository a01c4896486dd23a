// Compiled by tests/rules.test.mjs with tsc --noEmit: the rules API as users write it
// must type-check, and each misuse marked @ts-expect-error must be a type error (tsc
// reports an unused directive otherwise, so this file can fail both ways).
import {
  checkUrl, checkUrls, compileDomains, errMsgFor, lintDomains, normalizeDomains, resolveTimeout, resolveUrlCheck,
  type Diagnostic, type DomainPolicy, type ResolvedTimeout, type ServerDomains, type UrlVerdict,
} from 'wxnet';

const domains: ServerDomains = { requestdomain: ['https://a.com'], wsrequestdomain: ['wss://ws.a.com'] };
const policy: DomainPolicy = compileDomains(domains);
const verdict: UrlVerdict = checkUrl('request', 'https://a.com', { domains, urlCheck: true, lan: { ip: '192.168.1.10/24' } });
const reason: 'listed' | 'lan' | 'unchecked' | 'invalid-url' | 'insecure' | 'localhost' | 'self-ip' | 'ip' | 'forbidden-host' | 'not-listed' | 'port' = verdict.reason;
const port: number | undefined = verdict.port;
const many: UrlVerdict[] = checkUrls('connectSocket', ['wss://ws.a.com'], { domains: policy, wssPortCheck: true });
const findings: Diagnostic[] = lintDomains({ requestdomain: ['http://a.com'], errcode: 0 });
const severity: 'error' | 'warning' | 'info' = findings[0].severity;
const normalized: ServerDomains = normalizeDomains(domains);
const timeout: ResolvedTimeout = resolveTimeout('uploadFile', 5000, { networkTimeout: { uploadFile: 9000 } }, { clamp: false });
const source: 'call' | 'config' | 'default' = timeout.source;
const urlCheck: boolean = resolveUrlCheck({ setting: { urlCheck: false } }, undefined);
const message: { errMsg: string; errno?: number } = errMsgFor('request', 'parameter-error', { parameter: 'url', expected: 'String', value: undefined });
errMsgFor('request', 'exceed max task count');

// @ts-expect-error: not one of the four network APIs
checkUrl('fetch', 'https://a.com');
// @ts-expect-error: the URL must be a string
checkUrl('request', new URL('https://a.com'));
// @ts-expect-error: urlCheck is a boolean
checkUrl('request', 'https://a.com', { urlCheck: 'false' });
// @ts-expect-error: lan needs an ip
checkUrl('request', 'https://a.com', { lan: { netmask: '255.255.255.0' } });
// @ts-expect-error: clamp is a boolean
resolveTimeout('request', 1, undefined, { clamp: 1 });
// @ts-expect-error: a verdict has no `message`
verdict.message;

export { reason, port, many, severity, normalized, source, urlCheck, message };
