// Names on the map without a tile server: the cities in view from /api/cities (the closer the view, the
// smaller the cities named), and, from zoom 8, the places the shown events name. The most populous are placed
// first and a label that would overlap one already placed is left out. A name whose letters a marker would hide
// (an event at the place, a cluster by it) is centred on its place or moved right of the markers, without its dot.
import L from "leaflet";
import { el } from "./dom.js";
import { getJSON } from "./http.js";
import { idle } from "./tasks.js";

const SMALLEST_CITY = [[9, 15000], [8, 50000], [7, 100000], [6, 250000], [5, 500000], [4, 1000000], [2, 5000000]]; // [zoom, people]
const EVENT_PLACE_ZOOM = 8;
const LINE = 14; // pixels: a label's height
const CHARACTER = 6.5; // pixels: about the width of a character of a label
const TEXT_FROM = { "sr-city": 4, "sr-event-place": 10 }; // pixels from the place to its name's first letter (app.css)
const CLEAR = 3; // pixels between a marker and a name moved beside it
const FARTHEST = 60; // pixels: a name moved farther than this from its place would seem another's; left out

export class PlaceNames {
  // `markerBoxes()`: the markers drawn, each [left, top, right, bottom] in the map's container pixels.
  constructor(map, pane, markerBoxes) {
    this.map = map;
    this.pane = pane;
    this.markerBoxes = markerBoxes;
    this.layer = L.layerGroup().addTo(map);
    this.events = [];
    this.asked = 0; // the number of the latest request: an older answer is dropped
    map.on("moveend", () => this.update());
  }

  setEvents(events) {
    this.events = events;
    this.update();
  }

  async update() {
    const asked = ++this.asked;
    await idle(); // names are a help: asked for once the events are drawn, not in their way
    if (asked !== this.asked) return;
    const map = this.map;
    const zoom = map.getZoom();
    const row = SMALLEST_CITY.find(([from]) => zoom >= from);
    let cities = [];
    if (row) {
      const b = map.getBounds();
      const clamp = (v, limit) => Math.max(-limit, Math.min(limit, v));
      const bbox = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)];
      try {
        ({ cities } = await getJSON(`/api/cities?bbox=${bbox.join(",")}&min_population=${row[1]}&limit=300`));
      } catch {
        cities = []; // names are a help, not a need: the map works without them
      }
    }
    if (asked !== this.asked) return;
    this.layer.clearLayers();
    const markers = this.markerBoxes().sort((a, b) => a[0] - b[0]);
    const placed = []; // [left, right, y] of each name's letters
    const place = (lat, lon, name, className) => {
      const at = map.latLngToContainerPoint([lat, lon]);
      const width = name.length * CHARACTER;
      const from = at.x + TEXT_FROM[className];
      const under = ([l, top, r, bottom], x) => top < at.y + LINE / 2 && bottom > at.y - LINE / 2 && l < x + width && r > x;
      // the letters right of the place; else centred on it (inside a ring of its events spread out); else
      // right of the markers they would lie under
      let left = from;
      if (markers.some((box) => under(box, from))) {
        left = at.x - width / 2;
        if (markers.some((box) => under(box, left))) {
          left = from;
          for (const box of markers) if (under(box, left)) left = box[2] + CLEAR; // left to right
          if (left - from > FARTHEST) return;
        }
      }
      if (placed.some(([l, r, y]) => left < r + 8 && l < left + width + 8 && Math.abs(y - at.y) < LINE)) return;
      placed.push([left, left + width, at.y]);
      const label = el("span", {}, name);
      if (left !== from) { // no dot: a marker stands by the place
        label.classList.add("sr-beside");
        label.style.transform = `translate(${Math.round(left - at.x)}px, -50%)`;
      }
      L.marker([lat, lon], {
        pane: this.pane, interactive: false, keyboard: false,
        icon: L.divIcon({ className, html: label, iconSize: null }),
      }).addTo(this.layer);
    };
    for (const city of cities) place(city.latitude, city.longitude, city.name, "sr-city");
    if (zoom >= EVENT_PLACE_ZOOM) {
      const bounds = map.getBounds();
      const named = new Set(cities.map((city) => city.name));
      for (const event of this.events) {
        if (!event.location || named.has(event.location) || !bounds.contains([event.latitude, event.longitude])) continue;
        named.add(event.location);
        place(event.latitude, event.longitude, event.location, "sr-event-place");
      }
    }
  }
}
