// wx.startLocalServiceDiscovery / stopLocalServiceDiscovery and their events
// (RULES.md §10): one search at a time, stopped by itself after 30 s, over an
// injected multicast transport (Node: node/mdns.mjs, where the core's DNS-SD writes the
// query and reads each response); this file only asks, listens and keeps time.
import { Listeners, deliver, promisify } from '../callbacks.mjs';
import { WX_DEFAULTS, failure, okMessage, serviceTypeError } from '../core-port.mjs';
import { optionObject } from '../parameters.mjs';
import { now } from '../runtime.mjs';
import { NO_SOCKETS } from './raw-socket.mjs';

const START = 'startLocalServiceDiscovery';
const STOP = 'stopLocalServiceDiscovery';
/** When the query is sent, in ms after the start: again after 1 s and 3 s (RFC 6762 §5.2). */
const QUERY_AT = [0, 1000, 3000];

export function createMdnsApi(context) {
  const events = { found: new Listeners(), lost: new Listeners(), resolveFail: new Listeners(), stop: new Listeners() };
  let search;

  function start(option) {
    if (search) return deliver(option, false, failure(START, 'scan task already exist'));
    const { serviceType } = option;
    const invalid = typeof serviceType === 'string' ? serviceTypeError(serviceType) : failure(START, 'invalid param');
    if (invalid) return deliver(option, false, invalid);
    if (!context.mdns) return deliver(option, false, failure(START, 'not supported', NO_SOCKETS));
    if (context.runtime.hidden) return deliver(option, false, failure(START, 'interrupted'));
    search = new Search(context, serviceType, events, () => { search = undefined; });
    return deliver(option, true, { errMsg: okMessage(START) });
  }

  function stop(option) {
    if (!search) return deliver(option, false, failure(STOP, 'task not found'));
    search.stop();
    return deliver(option, true, { errMsg: okMessage(STOP) });
  }

  return {
    startLocalServiceDiscovery: (option) => promisify(optionObject(option), start),
    stopLocalServiceDiscovery: (option) => promisify(optionObject(option), stop),
    onLocalServiceFound: (listener) => events.found.on(listener),
    offLocalServiceFound: (listener) => events.found.off(listener),
    onLocalServiceLost: (listener) => events.lost.on(listener),
    offLocalServiceLost: (listener) => events.lost.off(listener),
    onLocalServiceResolveFail: (listener) => events.resolveFail.on(listener),
    offLocalServiceResolveFail: (listener) => events.resolveFail.off(listener),
    onLocalServiceDiscoveryStop: (listener) => events.stop.on(listener),
    offLocalServiceDiscoveryStop: (listener) => events.stop.off(listener),
  };
}

class Search {
  constructor(context, serviceType, events, ended) {
    this.runtime = context.runtime;
    this.serviceType = serviceType;
    this.events = events;
    this.ended = ended;
    this.id = this.runtime.nextCallId();
    this.url = `mdns://${serviceType}`;
    this.created = now();
    this.found = new Set();
    this.runtime.log(() => ({ type: 'start', id: this.id, api: START, url: this.url, verdict: { ok: true, reason: 'lan' }, time: this.created }));
    this.runtime.openSockets.add(this);
    this.transport = context.mdns.open(serviceType, (events) => this.received(events));
    this.timers = QUERY_AT.map((at) => setTimeout(() => this.transport.query(), at));
    this.timers.push(setTimeout(() => this.stop(), WX_DEFAULTS.discoveryMs));
  }

  received(events) {
    if (this.stopped) return;
    const serviceType = this.serviceType;
    for (const event of events) {
      const { serviceName } = event;
      if (event.type === 'found' && !this.found.has(serviceName)) {
        this.found.add(serviceName);
        this.events.found.emit({ ip: event.ip, port: event.port, serviceName, serviceType });
      } else if (event.type === 'lost' && this.found.delete(serviceName)) {
        this.events.lost.emit({ serviceName, serviceType });
      } else if (event.type === 'resolveFail') {
        this.events.resolveFail.emit({ serviceName, serviceType });
      }
    }
  }

  /** By stopLocalServiceDiscovery, after 30 s, or in the background: onLocalServiceDiscoveryStop once. */
  stop() {
    if (this.stopped) return;
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.transport.close();
    this.runtime.openSockets.delete(this);
    this.ended();
    this.runtime.log(() => ({ type: 'end', id: this.id, api: START, url: this.url, ok: true, errMsg: okMessage(START), timings: { created: this.created, end: now() } }));
    queueMicrotask(() => this.events.stop.emit({ errMsg: okMessage(STOP) }));
  }

  interrupt() { this.stop(); }
}
