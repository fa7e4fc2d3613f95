// Sandbox credentials: obviously fake, accepted only by the local simulator (never a real Tencent key,
// and deliberately not Tencent's documentation example either).

/** The account `taper sandbox` advertises. */
export const DEMO_ACCOUNT = {
  secretId: 'AKIDTAPERSANDBOX00000000000000000000',
  secretKey: 'TaperSandboxSecretKeyNotARealKey0000',
} as const;

/** The push domain the sandbox account owns. */
export const DEMO_PUSH_DOMAIN = 'sandbox.livepush.example.com';
