// Node loads the tools module from the package folder and instantiates it synchronously
// on import, as node/load-wasm.mjs does for the runtime module.
import { readFileSync } from 'node:fs';
import { initSync } from '../wxnet_tools.js';
import { toolsModule } from '../core/ready.mjs';

initSync({ module: readFileSync(new URL('../wxnet_tools_bg.wasm', import.meta.url)) });
toolsModule.markReady();
