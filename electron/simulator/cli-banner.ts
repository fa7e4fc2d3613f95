// What `taper sandbox` prints: where the simulator listens and how to point taper at it.
import { DEMO_ACCOUNT, DEMO_PUSH_DOMAIN } from './demo-account.js';

export function describeSandbox(sim: { endpoint: string }): string {
  // The demo key is fake and accepted only by this local simulator, so printing it is safe (unlike a real SecretKey).
  return [
    'taper sandbox: a local Live API simulator (fake account, nothing reaches Tencent Cloud)',
    '',
    `  Endpoint:    ${sim.endpoint}`,
    `  SecretId:    ${DEMO_ACCOUNT.secretId}`,
    `  SecretKey:   ${DEMO_ACCOUNT.secretKey}`,
    `  Push domain: ${DEMO_PUSH_DOMAIN}`,
    '',
    'Use it from another terminal:',
    `  TAPER_ENDPOINT=${sim.endpoint} TENCENTCLOUD_SECRET_ID=${DEMO_ACCOUNT.secretId} TENCENTCLOUD_SECRET_KEY=${DEMO_ACCOUNT.secretKey} \\`,
    `    taper record --domain ${DEMO_PUSH_DOMAIN} --app live --stream demo --for 30m`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}
