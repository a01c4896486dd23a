// Whether the wasm instance is ready. Node entries initialise synchronously on
// import; browser entries after `await init()`. Checked by every API call so that
// a forgotten init() is a clear WxnetError instead of a TypeError from the glue.
let ready = false;
export const isReady = () => ready;
export const markReady = () => { ready = true; };

// Shares one init promise per entry and allows a retry after a failed load.
export function once(load) {
  let pending;
  return (input) => {
    pending ??= load(input).then(markReady, (error) => { pending = undefined; throw error; });
    return pending;
  };
}
