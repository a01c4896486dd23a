import type { WxnetErrorCode } from './types.generated.js';
export type { WxnetErrorCode };

/** Every error wxnet throws. `code` is stable (`area/what`); `message` names what was wrong. */
export class WxnetError extends Error {
  readonly name: 'WxnetError';
  /** e.g. `referer/appid`, `arg/type`, `init/required`: one of WxnetErrorCode. */
  readonly code: WxnetErrorCode | (string & {});
  constructor(code: string, message: string);
}
