// Records what the end-to-end tests check: CSP violations and samesurf-error events.
window.__violations = [];
window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
);
document.addEventListener('samesurf-error', (e) => window.__errors.push(e.detail.code));
