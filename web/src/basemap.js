// The offline base layer, under any tiles: land filled without a stroke, and the borders and coasts drawn
// once each as lines (a shared border drawn by both countries would be twice as dark), cut at ±180°; then the
// regions of Ukraine and Russia, shaded by their events, with the frontier between them at 1:10m.
import L from "leaflet";
import { feature, mesh } from "topojson-client";
import { flatPolygons, splitLines } from "./antimeridian.js";
import { el } from "./dom.js";
import { RegionShading } from "./shading.js";
import { nextTask } from "./tasks.js";

const COUNTRIES_A_TASK = 60; // of 177
const REGIONS_A_TASK = 40; // of 111

// The countries are drawn a few dozen at a time, each batch a task of its own, as the pages of events
// arrive: the page reads them in between. Gives the borders' refine() once all are drawn.
export async function drawCountries(map, atlas, { pane, bordersPane }) {
  const countries = feature(atlas, atlas.objects.countries).features;
  const land = L.geoJSON(null, {
    pane, interactive: false, style: { stroke: false, fillColor: "#eef0f2", fillOpacity: 1, className: "sr-land" },
  }).addTo(map);
  for (let i = 0; i < countries.length; i += COUNTRIES_A_TASK) {
    land.addData(countries.slice(i, i + COUNTRIES_A_TASK).map(flatFeature));
    await nextTask();
  }
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
// read them (zoom 6 and closer), and their shapes in `shadingPane` (a few dozen a task, as the countries),
// shaded by events (shading.js).
const LABEL_ZOOM = 6;

export async function drawRegions(map, { topology, labels: names }, { pane, shadingPane }) {
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
  const shading = new RegionShading(map, shadingPane);
  const shapes = feature(topology, regions).features;
  for (let i = 0; i < shapes.length; i += REGIONS_A_TASK) {
    await nextTask();
    shading.add(shapes.slice(i, i + REGIONS_A_TASK));
  }
  return shading;
}
