// Loaded first by every test page: records each Content-Security-Policy violation (Trusted
// Types ones included) from the very start, so the test can read them all at the end.
window.kithCspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.kithCspViolations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: `${event.sourceFile}:${event.lineNumber}`,
  });
});
