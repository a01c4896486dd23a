// Makes the bad-certificate matrix of the doctor's tests with openssl (RULES.md §11):
// a test root CA, intermediates and one chain per case, with fixed dates so that the
// results depend only on the `now` the tests pass in.
//   node scripts/tls-fixtures.mjs <dir>   writes <dir>/<case>.pem (chain, leaf first),
//                                         <dir>/<case>.key and <dir>/root.pem
// tests/data/tls/ holds one run of it (cargo test reads those); the Node tests make
// their own in a temporary folder and serve them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every case: how its leaf is made and which chain is served. */
export const CASES = {
  good: {},
  expired: { start: '20250101000000Z', end: '20250301000000Z' },
  notyet: { start: '20260601000000Z', end: '20260801000000Z' },
  selfsigned: { selfSigned: true },
  untrusted: { untrusted: true },
  leafonly: { chain: ['leaf'] },
  wrongorder: { chain: ['leaf', 'root', 'inter'] },
  rootincluded: { chain: ['leaf', 'inter', 'root'] },
  rsa1024: { bits: 1024 },
  sha1inter: { sha1Intermediate: true },
  nosan: { san: false },
  lifetime400: { end: '20270204235959Z' },
  noeku: { eku: 'clientAuth' },
};

export const HOST = 'good.wxnet.test';
const START = '20260101000000Z';
const END = '20260401000000Z';

function openssl(dir, ...args) {
  return execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
}

function caConfig(dir, name, md) {
  mkdirSync(join(dir, `${name}.db`), { recursive: true });
  writeFileSync(join(dir, `${name}.db/index.txt`), '');
  writeFileSync(join(dir, `${name}.db/serial`), '1000\n');
  const conf = `[ca]
default_ca = this
[this]
database = ${name}.db/index.txt
new_certs_dir = ${name}.db
serial = ${name}.db/serial
default_md = ${md}
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
`;
  writeFileSync(join(dir, `${name}.conf`), conf);
  return `${name}.conf`;
}

/** Signs `name`.csr with the CA `ca` (its .pem and .key), with fixed dates and extensions. */
function sign(dir, ca, name, { start, end, md = 'sha256', ext, selfSign = false }) {
  const conf = caConfig(dir, `${name}-by-${ca}`, md);
  writeFileSync(join(dir, `${name}.ext`), `[v3]\n${ext}\n`);
  const issuer = selfSign ? ['-selfsign', '-keyfile', `${name}.key`] : ['-cert', `${ca}.pem`, '-keyfile', `${ca}.key`];
  openssl(dir, 'ca', '-batch', '-notext', '-config', conf, ...issuer, '-in', `${name}.csr`, '-out', `${name}.pem`,
    '-startdate', start, '-enddate', end, '-md', md, '-extfile', `${name}.ext`, '-extensions', 'v3');
}

function key(dir, name, bits = 2048) {
  openssl(dir, 'genrsa', '-out', `${name}.key`, String(bits));
}

function csr(dir, name, cn) {
  openssl(dir, 'req', '-new', '-key', `${name}.key`, '-subj', `/CN=${cn}`, '-out', `${name}.csr`);
}

const CA_EXT = 'basicConstraints = critical, CA:true\nkeyUsage = critical, keyCertSign, cRLSign\nsubjectKeyIdentifier = hash';
const LEAF_EXT = (san, eku) => ['basicConstraints = CA:false', 'keyUsage = critical, digitalSignature, keyEncipherment',
  eku ? `extendedKeyUsage = ${eku}` : '', san ? `subjectAltName = DNS:${HOST}` : '', 'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid', 'authorityInfoAccess = caIssuers;URI:http://ca.wxnet.test/issuer.cer']
  .filter(Boolean).join('\n');

/** A self-signed CA certificate `name`. */
function root(dir, name, cn) {
  key(dir, name);
  csr(dir, name, cn);
  sign(dir, name, name, { start: '20200101000000Z', end: '20400101000000Z', ext: CA_EXT, selfSign: true });
}

function intermediate(dir, name, cn, ca, md = 'sha256') {
  key(dir, name);
  csr(dir, name, cn);
  sign(dir, ca, name, { start: '20200101000000Z', end: '20400101000000Z', md, ext: `${CA_EXT}\nauthorityKeyIdentifier = keyid` });
}

export function makeFixtures(dir) {
  mkdirSync(dir, { recursive: true });
  root(dir, 'root', 'wxnet Test Root CA');
  intermediate(dir, 'inter', 'wxnet Test Intermediate', 'root');
  root(dir, 'other-root', 'wxnet Untrusted Root CA');
  intermediate(dir, 'other-inter', 'wxnet Untrusted Intermediate', 'other-root');
  intermediate(dir, 'sha1-inter', 'wxnet SHA-1 Intermediate', 'root', 'sha1');
  const read = (name) => readFileSync(join(dir, `${name}.pem`), 'utf8');
  for (const [name, c] of Object.entries(CASES)) {
    const leaf = `${name}-leaf`;
    key(dir, leaf, c.bits ?? 2048);
    csr(dir, leaf, HOST);
    const ca = c.untrusted ? 'other-inter' : c.sha1Intermediate ? 'sha1-inter' : 'inter';
    const ext = LEAF_EXT(c.san ?? true, c.eku ?? 'serverAuth');
    sign(dir, ca, leaf, { start: c.start ?? START, end: c.end ?? END, ext, selfSign: c.selfSigned });
    const parts = c.selfSigned ? ['leaf']
      : c.untrusted ? ['leaf', 'other-inter', 'other-root']
        : c.sha1Intermediate ? ['leaf', 'sha1-inter']
          : c.chain ?? ['leaf', 'inter'];
    const chain = parts.map((part) => read(part === 'leaf' ? leaf : part)).join('');
    writeFileSync(join(dir, `${name}.chain.pem`), chain);
    writeFileSync(join(dir, `${name}.key`), readFileSync(join(dir, `${leaf}.key`)));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/tls-fixtures.mjs <dir>');
    process.exit(2);
  }
  makeFixtures(dir);
}
