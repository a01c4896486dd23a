// The in-browser tool: every check calls the wasm core through the npm package's
// browser entry, exactly as a previewer would.
import { init, parseReferer, buildReferer, WxnetError } from 'wxnet';

const $ = (id) => document.getElementById(id);

/** Shows `compute()`'s result, or the WxnetError's message and code. */
function show(output, compute) {
  try {
    output.textContent = compute();
    output.className = 'ok';
  } catch (error) {
    if (!(error instanceof WxnetError)) throw error;
    output.textContent = `${error.message}\n[${error.code}]`;
    output.className = 'error';
  }
}

function refreshReferer() {
  show($('referer-output'), () => {
    const r = parseReferer($('referer-input').value.trim());
    const kind = { develop: 'development, trial or review build', devtools: 'WeChat DevTools', release: `released version ${r.release}` }[r.env];
    return `AppID ${r.appid}\n${kind}`;
  });
}

function refreshBuild() {
  show($('build-output'), () => {
    const version = $('build-version').value.trim();
    return buildReferer($('build-appid').value.trim(), /^\d+$/.test(version) ? Number(version) : version);
  });
}

await init();
for (const id of ['referer-input']) $(id).addEventListener('input', refreshReferer);
for (const id of ['build-appid', 'build-version']) $(id).addEventListener('input', refreshBuild);
refreshReferer();
refreshBuild();
$('status').textContent = 'ready: all checks run locally in WebAssembly';
document.body.dataset.ready = 'true';
