// Lets GOV.UK Frontend styles know that JavaScript runs (kept in a file: the CSP allows no inline script).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
