// Each region shaded by how many of the events on the map lie in it (the filtered set, brushed days
// included): darker for more, none for none. A neutral slate, so as not to read as an event type.
import L from "leaflet";
import { flatPolygons } from "./antimeridian.js";

const BANDS = 32; // a region's edges are filed in this many bands of its latitudes

export class RegionShading {
  constructor(map, pane) {
    this.map = map;
    this.pane = pane;
    this.regions = [];
    this.regionAt = new Map(); // "lon lat" → the index of the region there, -1 for none: found once a place
  }

  // `shapes`: regions as GeoJSON MultiPolygon features (admin1.mjs), drawn unshaded.
  add(shapes) {
    for (const shape of shapes) {
      const polygons = flatPolygons(shape.geometry.coordinates);
      const layer = L.polygon(polygons.map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [lat, lon]))), {
        pane: this.pane, interactive: false, stroke: false, fillColor: "#2f3f56", fillOpacity: 0, className: "sr-shade",
      }).addTo(this.map);
      layer.getElement().setAttribute("data-region", shape.properties.name || "");
      this.regions.push({ contains: pointTest(polygons), layer });
    }
    this.regionAt.clear(); // a place may lie in a region just added
  }

  shade(events) {
    const counts = this.regions.map(() => 0);
    for (const { longitude: x, latitude: y } of events) {
      const place = `${x} ${y}`;
      let index = this.regionAt.get(place);
      if (index === undefined) {
        index = this.regions.findIndex(({ contains }) => contains(x, y));
        this.regionAt.set(place, index);
      }
      if (index >= 0) counts[index] += 1;
    }
    const most = Math.max(1, ...counts);
    this.regions.forEach(({ layer }, i) => {
      layer.setStyle({ fillOpacity: counts[i] ? 0.06 + 0.24 * Math.sqrt(counts[i] / most) : 0 });
      layer.getElement().setAttribute("data-count", counts[i]);
    });
  }
}

// Whether a point lies in `polygons` ([lon, lat] rings): even-odd ray casting over every ring (a point in a
// hole crosses twice). The edges are filed by band of latitude, so that a point is tested against the few
// its ray can cross, not every edge of the region.
function pointTest(polygons) {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of polygons.flat(2)) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const height = (north - south) / BANDS || 1;
  const bandOf = (lat) => Math.min(BANDS - 1, Math.floor((lat - south) / height));
  const bands = Array.from({ length: BANDS }, () => []); // each: x1, y1, x2, y2 of its edges, one after another
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j];
      const [x2, y2] = ring[i];
      for (let band = bandOf(Math.min(y1, y2)); band <= bandOf(Math.max(y1, y2)); band++) bands[band].push(x1, y1, x2, y2);
    }
  }
  return (x, y) => {
    if (x < west || x > east || y < south || y > north) return false;
    const edges = bands[bandOf(y)];
    let inside = false;
    for (let k = 0; k < edges.length; k += 4) {
      const y1 = edges[k + 1];
      const y2 = edges[k + 3];
      if (y1 > y !== y2 > y && x < ((edges[k + 2] - edges[k]) * (y - y1)) / (y2 - y1) + edges[k]) inside = !inside;
    }
    return inside;
  };
}
