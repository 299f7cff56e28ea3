// The offline base layer, under any tiles: land filled without a stroke, and the borders and coasts drawn
// once each as lines (a shared border drawn by both countries would be twice as dark), cut at ±180°.
import L from "./leaflet-global.js";
import { feature, mesh } from "topojson-client";
import { flatPolygons, splitLines } from "./antimeridian.js";

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
