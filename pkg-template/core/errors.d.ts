/** Every error wxnet throws. `code` is stable (`area/what`); `message` names what was wrong. */
export class WxnetError extends Error {
  readonly name: 'WxnetError';
  /** e.g. `referer/appid`, `arg/type`, `init/required`. */
  readonly code: string;
  constructor(code: string, message: string);
}
