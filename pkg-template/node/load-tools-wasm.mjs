// Node loads the tools module from the package folder and instantiates it synchronously,
// as node/load-wasm.mjs does for the runtime module: at import for `wxnet/tools`, and
// on first use for Node's mDNS transport (so `import 'wxnet'` never compiles it).
import { readFileSync } from 'node:fs';
import { initSync } from '../wxnet_tools.js';
import { toolsModule } from '../core/ready.mjs';

export function loadToolsModule() {
  if (toolsModule.isReady()) return;
  initSync({ module: readFileSync(new URL('../wxnet_tools_bg.wasm', import.meta.url)) });
  toolsModule.markReady();
}
