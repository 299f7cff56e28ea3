// Breaking the page's work into tasks of its own, so that it answers clicks and reads arriving pages of
// events in between.

export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve));
}

// Once the page's thread has nothing else to do.
export function idle() {
  return new Promise((resolve) => (window.requestIdleCallback || setTimeout)(resolve));
}
