// What the page shows, in the address's hash, so that a view can be shared and restored: the filters
// (named as the API names them), the brushed days, the map's view and the selected event or document:
//   #country=UA&event_type=Battles&language=uk&days=2022-03-01..2022-03-31&map=7/48.5123/37.9876&event=ev-…
export const FILTERS = ["since", "until", "country", "admin1", "event_type", "sub_event_type", "verification", "source", "language"];
const VIEW_KEYS = [...FILTERS, "view", "days", "map"]; // those a link to one event or document leaves out

export function readHash() {
  return new URLSearchParams(window.location.hash.slice(1));
}

// True for a hash that names only an event or a document (a link in the panel, or a shared "#event=ID"):
// it selects without changing the filters or the view.
export function selectsOnly(hash) {
  return !VIEW_KEYS.some((key) => hash.has(key));
}

// The hash's filters, in a fixed order: two hashes with the same filters give the same string.
export function filtersOf(hash) {
  const out = new URLSearchParams();
  for (const key of [...FILTERS, "view"]) if (hash.get(key)) out.set(key, hash.get(key));
  return out.toString();
}

export function formatView(map) {
  const centre = map.getCenter();
  return `${map.getZoom()}/${centre.lat.toFixed(4)}/${centre.lng.toFixed(4)}`;
}

// "zoom/lat/lon" as [[lat, lon], zoom], or null when it is not three numbers.
export function parseView(text) {
  const parts = (text || "").split("/").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  return [[parts[1], parts[2]], parts[0]];
}

// "2022-03-01..2022-03-31" as [first, last] ISO days, or null.
export function parseDays(text) {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text || "");
  return match ? [match[1], match[2]] : null;
}

// Rewrites the hash without a new history entry (the map moved; a filter was applied) or, with `push`,
// with one (an event was chosen), which the hashchange listener then shows.
export function writeHash(params, { push = false } = {}) {
  const text = `#${params.toString()}`;
  if (text === window.location.hash) return;
  if (push) window.location.hash = text;
  else history.replaceState(null, "", text);
}
