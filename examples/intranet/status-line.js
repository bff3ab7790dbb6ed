// A page's status line (a `role="status"` paragraph): what is going on, or what failed with a
// Retry button beside it. Text only: messages may quote what a person typed.

/** @param {HTMLElement} element */
export function statusLine(element) {
  const say = (text, isError = false) => {
    element.textContent = text;
    element.classList.toggle('error', isError);
  };
  return {
    say,
    /** Says what failed, with a Retry button (`id`) that calls `retry` once. */
    fail(text, id, retry) {
      say(text, true);
      const button = document.createElement('button');
      button.type = 'button';
      button.id = id;
      button.textContent = 'Retry';
      button.addEventListener('click', retry, { once: true });
      element.append(' ', button);
    },
  };
}
