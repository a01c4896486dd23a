// Stands in for wxnet in the injection test: init() resolves after a tick, as the wasm load does.
export async function init() {
  await new Promise((resolve) => setTimeout(resolve, 1));
  globalThis.wasmLoaded = true;
}
