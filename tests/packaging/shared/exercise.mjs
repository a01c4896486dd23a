// What every packaging fixture does with the installed package, whatever loaded it:
// one wx.request through createWx, checkUrls, decodeBody on a GBK body and the
// Referer functions. The runner copies this file into each fixture project; the
// fixture's entry imports wxnet its own way (its init flavour) and hands the
// functions in, so that each bundler sees named imports and prunes the rest.
// The result is plain JSON: tests/packaging/expected.json is what it must be.

/** The origin the fixtures list; `upstreams` sends its calls to the test's server. */
export const LISTED = 'https://api.example.test';

/** The bytes of 中文 in GBK. */
const GBK_CHINESE = [0xd6, 0xd0, 0xce, 0xc4];

/**
 * Runs every area against `apiOrigin` (the test's HTTP server, e.g.
 * `http://127.0.0.1:4000`) and resolves to the findings.
 */
export async function exercise(wxnet, apiOrigin) {
  const { createWx, checkUrls, decodeBody, parseReferer, buildReferer, WxnetError } = wxnet;
  const domains = { requestdomain: [LISTED] };

  const { wx } = createWx({ domains, upstreams: { [LISTED]: apiOrigin } });
  const answer = await new Promise((resolve) => {
    wx.request({ url: `${LISTED}/hello`, data: { from: 'fixture' }, complete: resolve });
  });

  let errorCode;
  try {
    parseReferer('https://servicewechat.com/wx0123456789ABCDEF/3/page-frame.html');
  } catch (error) {
    errorCode = error instanceof WxnetError ? error.code : `not a WxnetError: ${error}`;
  }

  return {
    request: { errMsg: answer.errMsg, statusCode: answer.statusCode, data: answer.data },
    checkUrls: checkUrls('request', [`${LISTED}/v1`, 'https://unlisted.example.test/v1'], { domains }),
    decodeBody: decodeBody(new Uint8Array(GBK_CHINESE), { contentType: 'text/plain; charset=gbk', dataType: 'text' }),
    referer: {
      parsed: parseReferer('https://servicewechat.com/wx0123456789abcdef/3/page-frame.html'),
      built: buildReferer('touristappid', 'devtools'),
      errorCode,
    },
  };
}

/** In a page: publishes the findings (or the failure) where the test reads them. */
export function publish(findings) {
  findings
    .then((result) => { window.__result = result; })
    .catch((error) => { window.__error = String(error?.stack ?? error); });
}

/** The test server's origin, given to a page as `?api=`. */
export function apiFromPage() {
  return new URLSearchParams(location.search).get('api');
}
