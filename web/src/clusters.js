// The events on the map, clustered at the map's zoom only, when the map first shows that zoom, and drawn as
// Leaflet markers only for the clusters and events in view (made again as the map moves). A cluster is a
// small pie of the event types inside, in the legend's colours, with the count in the middle: a library's
// own green/yellow/orange by size would read as event types.
//
// Why not a library: leaflet.markercluster made a marker of every event and clustered them at every zoom
// (10,000 events: about 0.3 s before the first was drawn); supercluster also clusters every zoom at once,
// 0.1–0.35 s for 10,000 events in a fresh page (its code not yet optimised by the JavaScript engine), where
// one zoom here takes 20–40 ms (both on this project's shared 2-core machine, under load).
import L from "leaflet";
import { el } from "./dom.js";
import { colourOf, TYPE_COLOURS } from "./style.js";

const TYPE_ORDER = Object.keys(TYPE_COLOURS);
const RADIUS = 50; // pixels: an event this close to a cluster's first event joins it
const MARGIN = 0.25; // markers are made for the view and this share of it around, so a small pan shows them
const SPREAD = 18; // pixels between the events of one place, spread around it at the closest zoom
const TILE = 256; // the world's width in pixels at zoom 0 (Leaflet's Web Mercator)
const MAX_LATITUDE = 85.0511287798; // Web Mercator's edge

export class EventMarkers {
  // `markerOf(event)`: the event's marker (made once per event and kept by the caller), with the event's id
  // as its option `eventId`; `onClick(id)` when one is clicked. At `maxZoom` events are not clustered: the
  // events of one place are spread around it instead.
  constructor(map, { maxZoom, markerOf, onClick }) {
    this.map = map;
    this.maxZoom = maxZoom;
    this.markerOf = markerOf;
    this.layer = L.featureGroup().addTo(map);
    this.drawn = new Set(); // the markers on the map
    this.setEvents([]);
    this.layer.on("click", (click) => {
      const { eventId, cluster } = click.layer.options;
      if (!cluster) onClick(eventId);
      else map.fitBounds(this.boundsOf(cluster), { padding: [RADIUS, RADIUS], maxZoom: this.maxZoom });
    });
    map.on("moveend", () => this.draw());
  }

  // The closest zoom, where events are spread rather than clustered: the map's own maxZoom.
  setMaxZoom(zoom) {
    this.maxZoom = zoom;
    this.byZoom = new Map();
  }

  // The events to draw from the next draw() on.
  setEvents(events) {
    this.events = events;
    this.byZoom = new Map(); // zoom → its clusters (clustersAt), worked out when first drawn
    // Each event's place on the world at zoom 0, in pixels: clustering a zoom is then arithmetic.
    this.xy = new Float64Array(events.length * 2);
    events.forEach((event, i) => {
      const sin = Math.sin((Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, event.latitude)) * Math.PI) / 180);
      this.xy[2 * i] = TILE * (event.longitude / 360 + 0.5);
      this.xy[2 * i + 1] = TILE * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI));
    });
  }

  // The clusters at `zoom`: events in their order, each joining the nearest cluster whose first event lies
  // within RADIUS pixels, or starting one; a cluster is drawn at its events' mean. Worked out once a zoom.
  // `clusters`: each { x, y } (pixels at `zoom`), `members` (indices into the events), `marker` (once
  // drawn); `clusterOf`: each event's cluster.
  clustersAt(zoom) {
    if (this.byZoom.has(zoom)) return this.byZoom.get(zoom);
    const scale = 2 ** zoom;
    const xy = this.xy;
    const clusters = [];
    const clusterOf = new Int32Array(this.events.length); // event → index of its cluster
    if (zoom >= this.maxZoom) {
      this.events.forEach((_, i) => { clusters.push({ x: xy[2 * i] * scale, y: xy[2 * i + 1] * scale, members: [i] }); clusterOf[i] = i; });
    } else {
      const grid = new Map(); // a RADIUS-wide cell → the clusters whose first event lies in it
      const seeds = [];
      for (let i = 0; i < this.events.length; i++) {
        const x = xy[2 * i] * scale;
        const y = xy[2 * i + 1] * scale;
        const col = Math.floor(x / RADIUS);
        const row = Math.floor(y / RADIUS);
        let nearest = -1;
        let nearestDistance = RADIUS * RADIUS;
        for (let c = col - 1; c <= col + 1; c++) {
          for (let r = row - 1; r <= row + 1; r++) {
            for (const k of grid.get(c * 1e7 + r) || []) {
              const distance = (seeds[2 * k] - x) ** 2 + (seeds[2 * k + 1] - y) ** 2;
              if (distance <= nearestDistance) { nearest = k; nearestDistance = distance; }
            }
          }
        }
        if (nearest < 0) {
          nearest = clusters.length;
          clusters.push({ x: 0, y: 0, members: [] });
          seeds.push(x, y);
          const cell = col * 1e7 + row;
          if (!grid.has(cell)) grid.set(cell, []);
          grid.get(cell).push(nearest);
        }
        const cluster = clusters[nearest];
        cluster.members.push(i);
        cluster.x += x;
        cluster.y += y;
        clusterOf[i] = nearest;
      }
      for (const cluster of clusters) {
        cluster.x /= cluster.members.length;
        cluster.y /= cluster.members.length;
      }
    }
    const result = { clusters, clusterOf };
    this.byZoom.set(zoom, result);
    return result;
  }

  // The closest zoom, from `least` on, at which `event` stands alone rather than inside a cluster.
  zoomShowing(event, least) {
    const i = this.events.indexOf(event);
    for (let zoom = least; zoom < this.maxZoom; zoom += 1) {
      const { clusters, clusterOf } = this.clustersAt(zoom);
      if (clusters[clusterOf[i]].members.length === 1) return zoom;
    }
    return this.maxZoom;
  }

  boundsOf(cluster) {
    return L.latLngBounds(cluster.members.map((i) => [this.events[i].latitude, this.events[i].longitude]));
  }

  draw() {
    const map = this.map;
    const zoom = Math.round(map.getZoom());
    const { clusters } = this.clustersAt(zoom);
    const view = map.getPixelBounds().pad(MARGIN);
    const world = TILE * 2 ** zoom;
    const wanted = new Set();
    const alone = [];
    for (const cluster of clusters) {
      // the copy of the world the view shows (it may reach past ±180°)
      const x = cluster.x + world * Math.ceil((view.min.x - cluster.x) / world);
      if (x > view.max.x || cluster.y < view.min.y || cluster.y > view.max.y) continue;
      const at = map.unproject([x, cluster.y], zoom);
      if (cluster.members.length === 1) {
        const marker = this.markerOf(this.events[cluster.members[0]]);
        marker.setLatLng(at);
        alone.push([marker, x, cluster.y]);
        wanted.add(marker);
        continue;
      }
      cluster.marker = cluster.marker || L.marker(at, { icon: this.iconOf(cluster), cluster });
      cluster.marker.setLatLng(at);
      wanted.add(cluster.marker);
    }
    if (zoom >= this.maxZoom) spreadOut(map, alone, zoom);
    for (const marker of this.drawn) if (!wanted.has(marker)) this.layer.removeLayer(marker);
    for (const marker of wanted) if (!this.drawn.has(marker)) this.layer.addLayer(marker);
    this.drawn = wanted;
  }

  // The markers drawn, each [left, top, right, bottom] in the map's container pixels (a dot's or a pie's own
  // box, a claimed diamond's turned corners included): what the place names keep clear of.
  drawnBoxes() {
    const origin = this.map.getContainer().getBoundingClientRect();
    const boxes = [];
    for (const marker of this.drawn) {
      const shape = marker.getElement()?.firstElementChild;
      if (!shape) continue;
      const box = shape.getBoundingClientRect();
      boxes.push([box.left - origin.left, box.top - origin.top, box.right - origin.left, box.bottom - origin.top]);
    }
    return boxes;
  }

  iconOf(cluster) {
    const counts = new Map();
    for (const i of cluster.members) {
      const type = this.events[i].event_type;
      counts.set(type, (counts.get(type) || 0) + 1);
    }
    return clusterIcon([...counts].sort(([a], [b]) => rank(a) - rank(b)), cluster.members.length);
  }
}

// The markers of one place ([marker, x, y], pixels at `zoom`) spread around it, SPREAD pixels apart: in a
// ring, or past a dozen in a spiral whose turns are SPREAD apart.
function spreadOut(map, alone, zoom) {
  const places = new Map();
  for (const item of alone) {
    const key = `${item[1]} ${item[2]}`;
    if (!places.has(key)) places.set(key, []);
    places.get(key).push(item);
  }
  for (const together of places.values()) {
    const n = together.length;
    if (n < 2) continue;
    const ring = n <= 12;
    let spiral = 2 * Math.PI; // the spiral's angle: it starts a turn out
    together.forEach(([marker, x, y], i) => {
      const angle = ring ? (2 * Math.PI * i) / n : spiral;
      const radius = ring ? SPREAD / (2 * Math.sin(Math.PI / n)) : SPREAD * (1 + spiral / (2 * Math.PI));
      marker.setLatLng(map.unproject([x + radius * Math.cos(angle), y + radius * Math.sin(angle)], zoom));
      if (!ring) spiral += SPREAD / radius;
    });
  }
}

// `types`: [event type, count] in the legend's order.
function clusterIcon(types, total) {
  let from = 0;
  const slices = types.map(([type, count]) => {
    const to = from + (360 * count) / total;
    const slice = `${colourOf(type)} ${from}deg ${to}deg`;
    from = to;
    return slice;
  });
  const size = total < 10 ? 30 : total < 100 ? 36 : 44;
  const pie = el("div", {
    className: "sr-cluster", "data-count": total,
    "data-types": types.map(([type, count]) => `${type}:${count}`).join(";"),
    title: types.map(([type, count]) => `${count} ${type}`).join(", "),
  }, el("span", {}, String(total)));
  pie.style.background = `conic-gradient(${slices.join(", ")})`;
  return L.divIcon({ html: pie, className: "sr-cluster-icon", iconSize: [size, size] });
}

function rank(type) {
  const index = TYPE_ORDER.indexOf(type);
  return index < 0 ? TYPE_ORDER.length : index;
}
