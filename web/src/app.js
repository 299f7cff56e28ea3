// The map page of `sitrep serve`: events on a Leaflet map (clustered; colour = event type, shape =
// verification), a per-day timeline that filters the map when brushed, a filter panel, and an event panel
// with the evidence sentences marked, the sources with channel and stance, and each document.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "./app.css";
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { listApart, placement } from "./apart.js";
import { drawCountries } from "./basemap.js";
import { clusterIcon } from "./clusters.js";
import { addLegend } from "./legend.js";
import { append, el, marked } from "./dom.js";
import { colourOf, verificationClass } from "./style.js";
import { dayNumber, isoDay, Timeline } from "./timeline.js";

const MAX_EVENTS = 20000; // the page loads at most this many events (pages of 1000)
const $ = (id) => document.getElementById(id);

const state = { events: [], range: null };
const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 18 }).setView([48, 35], 4);
map.createPane("outlines").style.zIndex = 150; // under the tiles: visible wherever no tile loads
const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50, iconCreateFunction: clusterIcon });
map.addLayer(clusters);
const timeline = new Timeline($("timeline"), (range) => {
  state.range = range;
  $("range").textContent = range ? `${isoDay(range[0])} – ${isoDay(range[1])}` : "all days";
  $("clear-range").disabled = !range;
  showMarkers(false);
});

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : `${response.status}`);
  return body;
}

async function start() {
  const config = await getJSON("/api/config");
  if (config.tiles) {
    L.tileLayer(config.tiles, { maxZoom: 18, attribution: config.tile_attribution || "" }).addTo(map);
  }
  map.attributionControl.addAttribution("Borders: Natural Earth (world-atlas)");
  const atlas = await getJSON("/static/countries-110m.json");
  drawCountries(map, atlas, "outlines");
  addLegend(map);
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    loadEvents();
  });
  $("clear-range").addEventListener("click", () => timeline.clear());
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => timeline.draw());
  await loadEvents();
  route();
}

function filterQuery() {
  const query = new URLSearchParams({ format: "geojson", limit: "1000" });
  for (const name of ["since", "until", "country", "admin1", "event_type", "sub_event_type", "verification", "source"]) {
    const value = $(`f-${name}`).value.trim();
    if (value) query.set(name, value);
  }
  if ($("f-view").checked) {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
    query.set("bbox", [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(","));
  }
  return query;
}

async function loadEvents() {
  const status = $("status");
  status.textContent = "loading…";
  const query = filterQuery();
  const events = [];
  try {
    while (events.length < MAX_EVENTS) {
      const page = await getJSON(`/api/events?${query}`);
      events.push(...page.features.map((f) => f.properties));
      if (!page.next) break;
      query.set("cursor", page.next);
    }
  } catch (error) {
    status.textContent = `error: ${error.message}`;
    return;
  }
  state.events = events;
  state.range = null;
  timeline.setEvents(events);
  $("range").textContent = "all days";
  $("clear-range").disabled = true;
  showMarkers(true);
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
  clusters.addLayers(shown.map(markerOf));
  const apart = listApart($("apart"), inView);
  const notes = [apart.countryLevel && `${apart.countryLevel} at country level`, apart.unplaced && `${apart.unplaced} without a place`];
  $("status").textContent = `${state.events.length} events, ${shown.length} on the map` +
    (notes.some(Boolean) ? ` (${notes.filter(Boolean).join(", ")}, listed under the filters)` : "") +
    (state.events.length >= MAX_EVENTS ? `; first ${MAX_EVENTS} only` : "");
  if (fit && shown.length) map.fitBounds(L.latLngBounds(shown.map((e) => [e.latitude, e.longitude])), { maxZoom: 8, padding: [30, 30] });
}

function markerOf(event) {
  const dot = el("div", {
    className: `sr-dot ${verificationClass(event.verification)}`,
    "data-event-id": event.id, "data-event-type": event.event_type, "data-verification": event.verification,
    title: `${event.event_date || "undated"} · ${event.sub_event_type} · ${event.location || ""}`,
  });
  dot.style.setProperty("--colour", colourOf(event.event_type));
  const icon = L.divIcon({ html: dot, className: "sr-marker", iconSize: [18, 18], iconAnchor: [9, 9] });
  const marker = L.marker([event.latitude, event.longitude], { icon, keyboard: true, title: event.sub_event_type, eventType: event.event_type });
  marker.on("click", () => { window.location.hash = `event=${encodeURIComponent(event.id)}`; });
  return marker;
}

function route() {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  if (hash.get("event")) showEvent(hash.get("event"));
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

async function showEvent(id) {
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
  for (const dot of document.querySelectorAll(".sr-selected")) dot.classList.remove("sr-selected");
  const dot = document.querySelector(`.leaflet-marker-pane .sr-dot[data-event-id="${CSS.escape(e.id)}"]`);
  if (dot) dot.classList.add("sr-selected");
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
