// https-proxy-agent and agent-base log through `debug`, which is silent unless DEBUG names them; its set-up (colour
// and tty detection) still ran on every `taper` start. A silent logger with the same call shape replaces it.
function createDebug() {
  const log = () => undefined;
  log.enabled = false;
  log.extend = createDebug;
  return log;
}
createDebug.enable = () => undefined;
createDebug.disable = () => '';
createDebug.enabled = () => false;
module.exports = createDebug;
module.exports.default = createDebug;
