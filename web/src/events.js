// Loading the events of a set of filters: every page of their API query, each event with the fields the map
// needs only.
import { pagesOf } from "./http.js";

export const MAX_EVENTS = 20000; // the page loads at most this many events
// Events per page of the map's narrowed records (the API's most with `fields`): 10,000 events in one request,
// not ten of 1000 asked one after the other, each waiting for the page's busy main thread (issue 20).
const PAGE = 10000;
// What the page draws and lists of each event (the API's `fields`): a tenth of the whole record, which the
// event panel loads when an event is opened.
const MAP_FIELDS = ["id", "event_type", "sub_event_type", "event_date", "event_date_end", "country", "admin1", "location",
  "latitude", "longitude", "fatalities", "verification"];

// The API query for `filters` (filtersOf's string); "view" stands for `viewBox()`: [west, south, east, north].
export function filterQuery(filters, viewBox) {
  const query = new URLSearchParams({ format: "json", limit: "1000" }); // JSON: the same records as GeoJSON, rendered 4× faster
  for (const [name, value] of new URLSearchParams(filters)) if (name !== "view") query.set(name, value);
  if (new URLSearchParams(filters).has("view")) {
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
    const [west, south, east, north] = viewBox();
    query.set("bbox", [clamp(west, 180), clamp(south, 90), clamp(east, 180), clamp(north, 90)].join(","));
  }
  return query;
}

// The first page of the map's records of `query` (filterQuery's).
export function pagesUrl(query) {
  const pages = new URLSearchParams(query);
  pages.set("fields", MAP_FIELDS.join(","));
  pages.set("limit", String(PAGE));
  return `/api/events?${pages}`;
}

// Starts loading the events of `query` (filterQuery's), up to MAX_EVENTS. Gives the query (for the downloads,
// whole records) and a promise of the events, null if `stale()` says a later load has begun.
export function loadPages(query, stale = () => false) {
  const events = async () => {
    const loaded = [];
    for await (const page of pagesOf(pagesUrl(query))) {
      if (stale()) return null;
      for (const event of page.events) loaded.push(event);
      if (loaded.length >= MAX_EVENTS) break;
    }
    return loaded;
  };
  return { query: query.toString(), events: events() };
}
