// The offline base layer, under any tiles: land filled without a stroke, and the borders and coasts drawn
// once each as lines (a shared border drawn by both countries would be twice as dark), cut at ±180°; then the
// regions of Ukraine and Russia.
import L from "./leaflet-global.js";
import { feature, mesh } from "topojson-client";
import { flatPolygons, splitLines } from "./antimeridian.js";
import { el } from "./dom.js";

export function drawCountries(map, atlas, pane) {
  const countries = feature(atlas, atlas.objects.countries);
  const land = countries.features.map((country) => {
    const geometry = country.geometry;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return { type: "Feature", properties: country.properties, geometry: { type: "MultiPolygon", coordinates: flatPolygons(polygons) } };
  });
  L.geoJSON({ type: "FeatureCollection", features: land }, {
    pane, interactive: false, style: { stroke: false, fillColor: "#eef0f2", fillOpacity: 1, className: "sr-land" },
  }).addTo(map);
  const borders = splitLines(mesh(atlas, atlas.objects.countries).coordinates);
  L.polyline(borders.map((line) => line.map(([lon, lat]) => [lat, lon])), {
    pane, interactive: false, color: "#8a8f98", weight: 0.8, className: "sr-border",
  }).addTo(map);
}

// The borders between the regions of Ukraine and Russia, and the regions' names once the map is close
// enough to read them (zoom 6 and closer).
const LABEL_ZOOM = 6;

export function drawRegions(map, regions, pane) {
  const lines = splitLines(Object.values(regions.borders).flat());
  L.polyline(lines.map((line) => line.map(([lon, lat]) => [lat, lon])), {
    pane, interactive: false, color: "#9aa1ab", weight: 0.7, dashArray: "4 3", className: "sr-region-border",
  }).addTo(map);
  const labels = L.layerGroup(regions.labels.map((region) => L.marker([region.lat, region.lon], {
    pane, interactive: false, keyboard: false,
    icon: L.divIcon({ className: "sr-region-label", html: el("span", {}, region.name), iconSize: null }),
  })));
  const showLabels = () => {
    if (map.getZoom() >= LABEL_ZOOM) labels.addTo(map);
    else labels.remove();
  };
  map.on("zoomend", showLabels);
  showLabels();
}
