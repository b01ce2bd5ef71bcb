/**
 * Every option curl has (curl 7.88's `--help all`, plus the ones added up to curl 8.17), so
 * an option that takes a value always takes its own value and never the URL. Names are long
 * names without the leading dashes; SHORT maps the one-letter spellings to them.
 */
export const TAKES_VALUE: ReadonlySet<string> = new Set([
  'abstract-unix-socket', 'alt-svc', 'aws-sigv4', 'cacert', 'capath', 'cert', 'cert-type', 'ciphers', 'config', 'connect-timeout',
  'connect-to', 'continue-at', 'cookie', 'cookie-jar', 'create-file-mode', 'crlfile', 'curves', 'data', 'data-ascii', 'data-binary',
  'data-raw', 'data-urlencode', 'delegation', 'dns-interface', 'dns-ipv4-addr', 'dns-ipv6-addr', 'dns-servers', 'doh-url', 'dump-header',
  'ech', 'egd-file', 'engine', 'etag-compare', 'etag-save', 'expect100-timeout', 'form', 'form-string', 'ftp-account',
  'ftp-alternative-to-user', 'ftp-method', 'ftp-port', 'ftp-ssl-ccc-mode', 'happy-eyeballs-timeout-ms', 'haproxy-clientip', 'header',
  'help', 'hostpubmd5', 'hostpubsha256', 'hsts', 'interface', 'ip-tos', 'ipfs-gateway', 'json', 'keepalive-cnt', 'keepalive-time', 'key',
  'key-type', 'knownhosts', 'krb', 'libcurl', 'limit-rate', 'local-port', 'login-options', 'mail-auth', 'mail-from', 'mail-rcpt',
  'max-filesize', 'max-redirs', 'max-time', 'netrc-file', 'noproxy', 'oauth2-bearer', 'output', 'output-dir', 'parallel-max',
  'parallel-max-host', 'pass', 'pinnedpubkey', 'preproxy', 'proto', 'proto-default', 'proto-redir', 'proxy', 'proxy-cacert',
  'proxy-capath', 'proxy-cert', 'proxy-cert-type', 'proxy-ciphers', 'proxy-crlfile', 'proxy-header', 'proxy-key', 'proxy-key-type',
  'proxy-pass', 'proxy-pinnedpubkey', 'proxy-service-name', 'proxy-tls13-ciphers', 'proxy-tlsauthtype', 'proxy-tlspassword',
  'proxy-tlsuser', 'proxy-user', 'proxy1.0', 'pubkey', 'quote', 'random-file', 'range', 'rate', 'referer', 'request', 'request-target',
  'resolve', 'retry', 'retry-delay', 'retry-max-time', 'sasl-authzid', 'service-name', 'sigalgs', 'socks4', 'socks4a', 'socks5',
  'socks5-gssapi-service', 'socks5-hostname', 'speed-limit', 'speed-time', 'ssl-sessions', 'stderr', 'telnet-option', 'tftp-blksize',
  'time-cond', 'tls-max', 'tls13-ciphers', 'tlsauthtype', 'tlspassword', 'tlsuser', 'trace', 'trace-ascii', 'trace-config', 'unix-socket',
  'upload-file', 'upload-flags', 'url', 'url-query', 'user', 'user-agent', 'variable', 'vlan-priority', 'write-out',
]);
export const BOOLEAN: ReadonlySet<string> = new Set([
  'anyauth', 'append', 'basic', 'ca-native', 'cert-status', 'compressed', 'compressed-ssh', 'create-dirs', 'crlf', 'digest', 'disable',
  'disable-eprt', 'disable-epsv', 'disallow-username-in-url', 'doh-cert-status', 'doh-insecure', 'dump-ca-embed', 'fail', 'fail-early',
  'fail-with-body', 'false-start', 'follow', 'form-escape', 'ftp-create-dirs', 'ftp-pasv', 'ftp-pret', 'ftp-skip-pasv-ip', 'ftp-ssl-ccc',
  'ftp-ssl-control', 'get', 'globoff', 'haproxy-protocol', 'head', 'http0.9', 'http1.0', 'http1.1', 'http2', 'http2-prior-knowledge',
  'http3', 'http3-only', 'ignore-content-length', 'include', 'insecure', 'ipv4', 'ipv6', 'junk-session-cookies', 'list-only', 'location',
  'location-trusted', 'mail-rcpt-allowfails', 'manual', 'metalink', 'mptcp', 'negotiate', 'netrc', 'netrc-optional', 'next', 'no-alpn',
  'no-buffer', 'no-clobber', 'no-keepalive', 'no-npn', 'no-progress-meter', 'no-sessionid', 'ntlm', 'ntlm-wb', 'out-null', 'parallel',
  'parallel-immediate', 'path-as-is', 'post301', 'post302', 'post303', 'progress-bar', 'proxy-anyauth', 'proxy-basic', 'proxy-ca-native',
  'proxy-digest', 'proxy-dump-ca-embed', 'proxy-http2', 'proxy-insecure', 'proxy-negotiate', 'proxy-ntlm', 'proxy-ssl-allow-beast',
  'proxy-ssl-auto-client-cert', 'proxy-tlsv1', 'proxytunnel', 'raw', 'remote-header-name', 'remote-name', 'remote-name-all', 'remote-time',
  'remove-on-error', 'retry-all-errors', 'retry-connrefused', 'sasl-ir', 'show-error', 'silent', 'skip-existing', 'socks5-basic',
  'socks5-gssapi', 'socks5-gssapi-nec', 'ssl', 'ssl-allow-beast', 'ssl-auto-client-cert', 'ssl-no-revoke', 'ssl-reqd',
  'ssl-revoke-best-effort', 'sslv2', 'sslv3', 'styled-output', 'suppress-connect-headers', 'tcp-fastopen', 'tcp-nodelay',
  'tftp-no-options', 'tls-earlydata', 'tlsv1', 'tlsv1.0', 'tlsv1.1', 'tlsv1.2', 'tlsv1.3', 'tr-encoding', 'trace-ids', 'trace-time',
  'use-ascii', 'verbose', 'version', 'xattr',
]);
export const SHORT: Readonly<Record<string, string>> = {
  '#': 'progress-bar', '0': 'http1.0', '1': 'tlsv1', '2': 'sslv2', '3': 'sslv3', '4': 'ipv4', '6': 'ipv6', ':': 'next', 'A': 'user-agent', 'B': 'use-ascii',
  'C': 'continue-at', 'D': 'dump-header', 'E': 'cert', 'F': 'form', 'G': 'get', 'H': 'header', 'I': 'head', 'J': 'remote-header-name', 'K': 'config', 'L': 'location',
  'M': 'manual', 'N': 'no-buffer', 'O': 'remote-name', 'P': 'ftp-port', 'Q': 'quote', 'R': 'remote-time', 'S': 'show-error', 'T': 'upload-file', 'U': 'proxy-user',
  'V': 'version', 'X': 'request', 'Y': 'speed-limit', 'Z': 'parallel', 'a': 'append', 'b': 'cookie', 'c': 'cookie-jar', 'd': 'data', 'e': 'referer', 'f': 'fail',
  'g': 'globoff', 'h': 'help', 'i': 'include', 'j': 'junk-session-cookies', 'k': 'insecure', 'l': 'list-only', 'm': 'max-time', 'n': 'netrc', 'o': 'output',
  'p': 'proxytunnel', 'q': 'disable', 'r': 'range', 's': 'silent', 't': 'telnet-option', 'u': 'user', 'v': 'verbose', 'w': 'write-out', 'x': 'proxy', 'y': 'speed-time',
  'z': 'time-cond',
};

/** What an option does to the request we import: read as curl reads it. */
export type UsedKind =
  | 'method' | 'header' | 'data' | 'data-raw' | 'data-binary' | 'data-urlencode' | 'json' | 'form' | 'form-string' | 'user' | 'agent'
  | 'referer' | 'cookie' | 'url' | 'url-query' | 'max-time' | 'get' | 'head' | 'location' | 'upload-file' | 'range' | 'oauth2-bearer'
  | 'max-redirs' | 'output' | 'insecure' | 'next';

export const USED: Readonly<Record<string, UsedKind>> = {
  request: 'method', header: 'header', data: 'data', 'data-ascii': 'data', 'data-raw': 'data-raw', 'data-binary': 'data-binary',
  'data-urlencode': 'data-urlencode', json: 'json', form: 'form', 'form-string': 'form-string', user: 'user', 'user-agent': 'agent',
  referer: 'referer', cookie: 'cookie', url: 'url', 'url-query': 'url-query', 'max-time': 'max-time', get: 'get', head: 'head',
  location: 'location', follow: 'location', 'location-trusted': 'location', 'upload-file': 'upload-file', range: 'range',
  'oauth2-bearer': 'oauth2-bearer', 'max-redirs': 'max-redirs', output: 'output', insecure: 'insecure', next: 'next',
};

/**
 * Options that change only what curl does locally (output, progress, retries, timeouts, the
 * connection's tuning): the request on the wire is the same, so they are passed over quietly.
 */
export const QUIET: ReadonlySet<string> = new Set([
  'silent', 'show-error', 'verbose', 'include', 'fail', 'fail-early', 'fail-with-body', 'progress-bar', 'no-progress-meter', 'no-buffer',
  'remote-name', 'remote-name-all', 'remote-header-name', 'remote-time', 'output-dir', 'create-dirs', 'create-file-mode', 'dump-header',
  'write-out', 'stderr', 'trace', 'trace-ascii', 'trace-time', 'trace-ids', 'trace-config', 'styled-output', 'retry', 'retry-delay',
  'retry-max-time', 'retry-all-errors', 'retry-connrefused', 'connect-timeout', 'expect100-timeout', 'happy-eyeballs-timeout-ms',
  'keepalive-time', 'keepalive-cnt', 'no-keepalive', 'tcp-nodelay', 'tcp-fastopen', 'speed-limit', 'speed-time', 'limit-rate',
  'compressed-ssh', 'parallel', 'parallel-immediate', 'parallel-max', 'parallel-max-host', 'xattr', 'globoff', 'disable', 'no-clobber',
  'remove-on-error', 'skip-existing', 'out-null', 'http1.1', 'http2', 'http2-prior-knowledge', 'ipv4', 'ipv6', 'no-alpn', 'no-npn',
  'no-sessionid', 'false-start', 'libcurl', 'rate', 'max-filesize', 'tr-encoding', 'suppress-connect-headers', 'mptcp', 'ca-native',
  'ssl-no-revoke', 'ssl-revoke-best-effort', 'cert-status', 'tls-earlydata', 'ssl-sessions', 'alt-svc', 'hsts', 'etag-save',
]);

/** Options under which curl would not send one plain HTTP request: the import stops and says why. */
export const REFUSED: Readonly<Record<string, string>> = {
  config: 'reads more options from a file we cannot see; paste the options themselves',
  help: 'prints curl\'s help and sends nothing',
  manual: 'prints curl\'s manual and sends nothing',
  version: 'prints curl\'s version and sends nothing',
  variable: 'defines curl variables; paste the command with the values written out',
};

/** curl's options that are off/on switches, and so may be written as --no-NAME to turn them off. */
export function isBoolean(name: string): boolean {
  return BOOLEAN.has(name);
}
