// Loaded in the page's head (before the stylesheet, which would hold it up), apart from the map's bundle (app.js, most of it Leaflet): asks for the first page
// of the events of the address's filters at once, so that it comes while app.js is fetched and run (issue 20).
// app.js takes the answer (http.js: pagesOf). Filters by the map's view need the map: those wait for app.js.
import { filterQuery, pagesUrl } from "./events.js";
import { filtersOf, readHash } from "./hashstate.js";
import { askEarly } from "./http.js";

const filters = filtersOf(readHash());
if (!new URLSearchParams(filters).has("view")) askEarly(pagesUrl(filterQuery(filters)));
