// Progressive enhancement only: every page works without this file.
// Move focus to the error summary after a failed submit, so keyboard and screen-reader users
// land on the list of what to correct.
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary instanceof HTMLElement) summary.focus();
});
