// Fault injected with `node --require`: the job is cancelled (SIGINT) while the bundle is still
// loading, at its first require of a Node module, before run() has started listening for it.
'use strict';
const { Module } = process.getBuiltinModule('node:module');
const requireOriginal = Module.prototype.require;
let sent = false;
Module.prototype.require = function require(id) {
  if (!sent) {
    sent = true;
    process.kill(process.pid, 'SIGINT'); // delivered at once: fatal unless a listener is installed
  }
  return requireOriginal.call(this, id);
};
