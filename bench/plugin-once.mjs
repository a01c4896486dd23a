// One Vite build of the project at argv[2], with wxnet/vite when argv[3] is "plugin"
// (plugin.bench.mjs times it in a fresh process).
import { build } from 'vite';

const [root, mode] = process.argv.slice(2);
const plugins = mode === 'plugin' ? [(await import('../pkg/plugin/vite.mjs')).default({ failOn: 'never' })] : [];
await build({
  root, configFile: false, logLevel: 'silent',
  build: { write: false, lib: { entry: 'src/main.js', formats: ['es'] }, rollupOptions: { onLog() {} } },
  plugins,
});
