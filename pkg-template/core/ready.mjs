// Whether each wasm instance is ready: the runtime module (wxnet_bg.wasm, every entry)
// and the tools module (wxnet_tools_bg.wasm, `wxnet/tools` only). Node entries
// initialise synchronously on import; browser entries after `await init()`. Checked by
// every API call so that a forgotten init() is a clear WxnetError instead of a
// TypeError from the glue.

/** One module's load state; `entry` is the specifier whose init() loads it. */
export function moduleState(entry) {
  let ready = false;
  const state = {
    entry,
    isReady: () => ready,
    markReady: () => { ready = true; },
    // Shares one init promise per entry and allows a retry after a failed load.
    once(load) {
      let pending;
      return (input) => {
        pending ??= load(input).then(state.markReady, (error) => { pending = undefined; throw error; });
        return pending;
      };
    },
  };
  return state;
}

export const runtimeModule = moduleState('wxnet');
export const toolsModule = moduleState('wxnet/tools');

export const { isReady, markReady, once } = runtimeModule;
