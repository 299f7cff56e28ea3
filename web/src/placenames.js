// Names on the map without a tile server: the cities in view from /api/cities (the closer the view, the
// smaller the cities named), and, from zoom 8, the places the shown events name. The most populous are placed
// first and a label that would overlap one already placed is left out.
import L from "leaflet";
import { el } from "./dom.js";
import { getJSON } from "./http.js";
import { idle } from "./tasks.js";

const SMALLEST_CITY = [[9, 15000], [8, 50000], [7, 100000], [6, 250000], [5, 500000], [4, 1000000], [2, 5000000]]; // [zoom, people]
const EVENT_PLACE_ZOOM = 8;
const LINE = 14; // pixels: a label's height
const CHARACTER = 6.5; // pixels: about the width of a character of a label

export class PlaceNames {
  constructor(map, pane) {
    this.map = map;
    this.pane = pane;
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
    const placed = [];
    const place = (lat, lon, name, className) => {
      const at = map.latLngToContainerPoint([lat, lon]);
      const width = name.length * CHARACTER;
      if (placed.some(([x, y, w]) => Math.abs(x - at.x) < (w + width) / 2 + 4 && Math.abs(y - at.y) < LINE)) return;
      placed.push([at.x, at.y, width]);
      L.marker([lat, lon], {
        pane: this.pane, interactive: false, keyboard: false,
        icon: L.divIcon({ className, html: el("span", {}, name), iconSize: null }),
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
