// The page's ways to ask the API: JSON in, the API's error message out.
const JSON_ONLY = { headers: { Accept: "application/json" } };

export async function getJSON(url) {
  return bodyOf(await fetch(url, JSON_ONLY));
}

// The pages of a list (`{events, next}`), in order. Each page's `Link: <…>; rel="next"` header names the next,
// which is asked for at once, before this page's body is read: the server makes the next page while the
// browser reads and parses this one.
export async function* pagesOf(url) {
  let asked = takeEarly(url) || fetch(url, JSON_ONLY);
  while (asked) {
    const response = await asked;
    const next = nextPage(response);
    asked = next ? fetch(next, JSON_ONLY) : null;
    asked?.catch(() => {}); // a page asked for but not read (a later load began) fails unseen
    yield await bodyOf(response);
  }
}

// A request made by early.js before the page's bundle ran (`window.sitrepEarly`: its URL and response): the
// first page of the events, asked for while app.js is fetched and run. Taken once, by the first list asked for
// (the page's first load of events), and only if it is the same URL; null otherwise. After this, early.js
// (should it run late) asks for nothing.
export function askEarly(url) {
  if ("sitrepEarly" in window) return; // app.js ran first, and asked for its events itself
  window.sitrepEarly = { url, response: fetch(url, JSON_ONLY) };
  window.sitrepEarly.response.catch(() => {}); // an answer not taken fails unseen
}

function takeEarly(url) {
  const early = window.sitrepEarly;
  window.sitrepEarly = null;
  return early && early.url === url ? early.response : null;
}

async function bodyOf(response) {
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : `${response.status}`);
  return body;
}

// The next page's path and query (relative: the API's own idea of its host may differ from the page's).
function nextPage(response) {
  const link = /<([^>]*)>\s*;\s*rel="next"/.exec(response.headers.get("Link") || "");
  if (!link) return null;
  const url = new URL(link[1], window.location.href);
  return url.pathname + url.search;
}
