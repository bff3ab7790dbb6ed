// Makes this test page enforce Trusted Types for scripts, allowing only the named policies: a
// <meta http-equiv="Content-Security-Policy"> in the head. Call it at the top of a test file, before
// the code under test loads (import that dynamically afterwards): each test file runs in a page of
// its own, so the policy applies to that file alone.

/** Whether this browser has Trusted Types (without them, script text stays plain). */
export const trustedTypesSupported = 'trustedTypes' in globalThis;

export function enforceTrustedTypes(policies: string): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `require-trusted-types-for 'script'; trusted-types ${policies}`;
  document.head.append(meta);
}
