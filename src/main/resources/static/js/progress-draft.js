// The update form keeps a draft as the person types (htmx posts the form to the draft address a
// moment after they stop). Once the form is being sent for real, no draft is posted after it.
document.addEventListener('submit', function (event) {
  event.target.setAttribute('data-submitted', '');
});
document.addEventListener('htmx:beforeRequest', function (event) {
  if (event.target.closest && event.target.closest('form[data-submitted]')) {
    event.preventDefault();
  }
});
