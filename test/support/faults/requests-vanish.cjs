// Fault injected with `node --require`: sockets never connect and never fail (connect does
// nothing), attempt timeouts never fire, and no timer keeps the process alive. A request then
// hangs with nothing left for the event loop to wait on: the process would simply end.
'use strict';
const net = process.getBuiltinModule('node:net');
net.Socket.prototype.connect = function connect() {
  this.connecting = true; // writes wait for a 'connect' that never comes
  return this;
};
AbortSignal.timeout = () => new AbortController().signal;
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = (...args) => setTimeoutOriginal(...args).unref();
