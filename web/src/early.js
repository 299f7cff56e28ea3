// The page's first script, small and in its <head>: it starts loading the events the address asks for while
// the main script (app.js, with Leaflet: 180 kB) loads and sets up the map, which takes it over
// (window.sitrepEarly). Not for the filter "only the map's view": that needs the map.
import { filtersOf, readHash } from "./hashstate.js";
import { filterQuery, loadPages } from "./events.js";

const filters = filtersOf(readHash());
if (!("sitrepEarly" in window) && !new URLSearchParams(filters).has("view")) { // app.js has not begun its own load
  const loading = loadPages(filterQuery(filters));
  loading.events.catch(() => {}); // its error shows once app.js awaits it
  window.sitrepEarly = { filters, loading };
}
