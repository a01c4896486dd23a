// Stands in for wxnet/h5 in the injection test: records each installWx call.
export function installWx(framework, options) {
  globalThis.installed = [...(globalThis.installed ?? []), { framework: framework.name, options, before: globalThis.appRan === true, wasmLoaded: globalThis.wasmLoaded === true }];
}
