// The offline base layer, under any tiles: land filled without a stroke, and the borders and coasts drawn
// once each as lines (a shared border drawn by both countries would be twice as dark), cut at ±180°; then the
// regions of Ukraine and Russia, shaded by their events, with the frontier between them at 1:10m.
import L from "./leaflet-global.js";
import { feature, mesh } from "topojson-client";
import { flatPolygons, splitLines } from "./antimeridian.js";
import { el } from "./dom.js";

export function drawCountries(map, atlas, { pane, bordersPane }) {
  const countries = feature(atlas, atlas.objects.countries);
  L.geoJSON({ type: "FeatureCollection", features: countries.features.map(flatFeature) }, {
    pane, interactive: false, style: { stroke: false, fillColor: "#eef0f2", fillOpacity: 1, className: "sr-land" },
  }).addTo(map);
  const drawLines = (lines) => L.polyline(splitLines(lines).map((line) => line.map(([lon, lat]) => [lat, lon])), {
    pane: bordersPane, interactive: false, color: "#8a8f98", weight: 0.8, className: "sr-border",
  }).addTo(map);
  let borders = drawLines(mesh(atlas, atlas.objects.countries).coordinates);
  return {
    // The frontier between the countries whose regions `topology` gives at 1:10m (each region with its
    // country's ISO number as world-atlas has it) is drawn from it instead: at the zooms that show their
    // regions, the 1:110m line would cut through them. Land and coasts stay at 1:110m, so that the land
    // still meets its neighbours' without a gap.
    refine(topology) {
      const regions = topology.objects.regions;
      const finer = new Set(regions.geometries.map((region) => region.properties.iso_numeric));
      const between = (a, b) => a.id !== b.id && finer.has(a.id) && finer.has(b.id);
      borders.remove();
      borders = drawLines([
        ...mesh(atlas, atlas.objects.countries, (a, b) => !between(a, b)).coordinates,
        ...mesh(topology, regions, (a, b) => a.properties.iso !== b.properties.iso).coordinates,
      ]);
    },
  };
}

// A country as a MultiPolygon drawable flat (antimeridian.js).
function flatFeature(country) {
  const geometry = country.geometry;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return { type: "Feature", id: country.id, properties: country.properties, geometry: { type: "MultiPolygon", coordinates: flatPolygons(polygons) } };
}

// The regions of Ukraine and Russia: the borders between them, their names once the map is close enough to
// read them (zoom 6 and closer), and their shapes in `shadingPane` for RegionShading.
const LABEL_ZOOM = 6;

export function drawRegions(map, { topology, labels: names }, { pane, shadingPane }) {
  const regions = topology.objects.regions;
  const inner = mesh(topology, regions, (a, b) => a !== b && a.properties.iso === b.properties.iso).coordinates;
  L.polyline(splitLines(inner).map((line) => line.map(([lon, lat]) => [lat, lon])), {
    pane, interactive: false, color: "#9aa1ab", weight: 0.7, dashArray: "4 3", className: "sr-region-border",
  }).addTo(map);
  const labels = L.layerGroup(names.map((region) => L.marker([region.lat, region.lon], {
    pane, interactive: false, keyboard: false,
    icon: L.divIcon({ className: "sr-region-label", html: el("span", {}, region.name), iconSize: null }),
  })));
  const showLabels = () => {
    if (map.getZoom() >= LABEL_ZOOM) labels.addTo(map);
    else labels.remove();
  };
  map.on("zoomend", showLabels);
  showLabels();
  return new RegionShading(map, feature(topology, regions).features, shadingPane);
}

// Each region shaded by how many of the events on the map lie in it (the filtered set, brushed days
// included): darker for more, none for none. A neutral slate, so as not to read as an event type.
class RegionShading {
  constructor(map, shapes, pane) {
    this.regions = shapes.map((shape) => {
      const polygons = flatPolygons(shape.geometry.coordinates);
      const layer = L.polygon(polygons.map((polygon) => polygon.map((ring) => ring.map(([lon, lat]) => [lat, lon]))), {
        pane, interactive: false, stroke: false, fillColor: "#2f3f56", fillOpacity: 0, className: "sr-shade",
      }).addTo(map);
      layer.getElement().setAttribute("data-region", shape.properties.name || "");
      return { polygons, box: boundsOf(polygons), layer };
    });
  }

  shade(events) {
    const counts = this.regions.map(() => 0);
    for (const { longitude: x, latitude: y } of events) {
      const index = this.regions.findIndex(({ polygons, box }) =>
        x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3] && contains(polygons, x, y));
      if (index >= 0) counts[index] += 1;
    }
    const most = Math.max(1, ...counts);
    this.regions.forEach(({ layer }, i) => {
      layer.setStyle({ fillOpacity: counts[i] ? 0.06 + 0.24 * Math.sqrt(counts[i] / most) : 0 });
      layer.getElement().setAttribute("data-count", counts[i]);
    });
  }
}

function boundsOf(polygons) {
  const points = polygons.flat(2);
  const lons = points.map(([lon]) => lon);
  const lats = points.map(([, lat]) => lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

// Even-odd ray casting over every ring: a point in a hole crosses twice.
function contains(polygons, x, y) {
  let inside = false;
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
