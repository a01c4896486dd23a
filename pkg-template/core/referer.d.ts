/** Which kind of build sent a request: version `0`, `devtools`, or a release number. */
export type RefererEnv = 'develop' | 'devtools' | 'release';

export interface ParsedReferer {
  /** `wx` + 16 lower-case hex digits, or `touristappid`. */
  appid: string;
  /** The version segment as sent: `'0'`, `'devtools'` or the release number. */
  version: string;
  env: RefererEnv;
  /** The release number, when `env` is `'release'`. */
  release?: number;
}

/** Codes of the WxnetError thrown by parseReferer and buildReferer. */
export type RefererErrorCode =
  | 'referer/type' | 'referer/url' | 'referer/host' | 'referer/path' | 'referer/appid' | 'referer/version';

/**
 * Parses `https://servicewechat.com/{appid}/{version}/page-frame.html`.
 * @throws WxnetError with a {@link RefererErrorCode}.
 */
export function parseReferer(referer: string): ParsedReferer;

/**
 * The Referer the client sends for `appid` at `version` (`0`, `'0'`, `'devtools'`,
 * or a positive integer as a number or decimal string).
 * @throws WxnetError with a {@link RefererErrorCode}.
 */
export function buildReferer(appid: string, version: number | string): string;

export interface VerifyRefererOptions {
  /** Accept only these AppIDs (default: any). */
  appids?: string[];
  /** Accept only these envs (default: any). */
  allow?: RefererEnv[];
}

export interface RefererVerdict {
  ok: boolean;
  /** `'ok'`, `'referer/missing'`, a {@link RefererErrorCode}, `'referer/appid-not-allowed'` or `'referer/env-not-allowed'`. */
  reason: string;
  /** Empty when ok. */
  message: string;
  /** Present when the Referer parsed, even if it was then refused. */
  referer?: ParsedReferer;
}

/** Checks a Referer a server received; `undefined`/`null` means the header was absent. Never throws for a bad Referer. */
export function verifyReferer(referer: string | undefined | null, options?: VerifyRefererOptions): RefererVerdict;
