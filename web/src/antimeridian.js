// World outlines on a flat map. world-atlas stitches shapes across the 180° meridian (right for a globe):
// drawn flat, a ring that steps from 179° to -180° draws a stripe across the whole world (Russia at 70°N,
// Fiji at 17°S). Borders are cut where they cross it; land rings are made continuous (Chukotka runs on to
// 190°) and drawn again one world over, so each side of the map shows its part.

// Longitudes made continuous: each point is moved by whole turns to be within 180° of the one before. A
// ring that never steps across ±180° (nearly all) is given back as it is.
export function unwrapRing(ring) {
  if (!ring.some(([lon], i) => i > 0 && Math.abs(lon - ring[i - 1][0]) > 180)) return ring;
  const out = [];
  let previous = null;
  for (const [lon, lat] of ring) {
    let x = lon;
    if (previous !== null) x += 360 * Math.round((previous - x) / 360);
    out.push([x, lat]);
    previous = x;
  }
  return out;
}

// Lines cut where they cross ±180°, each piece ending on the meridian; pieces of a single point are dropped.
export function splitLines(lines) {
  const pieces = [];
  for (const line of lines) {
    let piece = [];
    for (const point of line) {
      const last = piece[piece.length - 1];
      if (last && Math.abs(point[0] - last[0]) > 180) {
        const edge = last[0] > 0 ? 180 : -180; // the side of the meridian the line leaves from
        const across = point[0] + (edge > 0 ? 360 : -360); // the next point seen from this side
        const t = (edge - last[0]) / (across - last[0] || 1);
        const lat = last[1] + t * (point[1] - last[1]);
        piece.push([edge, lat]);
        pieces.push(piece);
        piece = [[-edge, lat]];
      }
      piece.push(point);
    }
    pieces.push(piece);
  }
  return pieces.filter(([[x, y], ...rest]) => rest.some(([x2, y2]) => x2 !== x || y2 !== y));
}

// Polygons (GeoJSON coordinates) drawable flat: rings continuous, a ring around a pole closed along it
// (Antarctica), and a polygon reaching past ±180° doubled one world over.
export function flatPolygons(polygons) {
  const out = [];
  for (const polygon of polygons) {
    const outer = closeAroundPole(unwrapRing(polygon[0]));
    const holes = polygon.slice(1).map((ring) => alignTo(unwrapRing(ring), outer[0][0]));
    const flat = [outer, ...holes];
    out.push(flat);
    if (outer.some(([lon]) => lon > 180)) out.push(shifted(flat, -360));
    if (outer.some(([lon]) => lon < -180)) out.push(shifted(flat, 360));
  }
  return out;
}

function closeAroundPole(ring) {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (Math.abs(last[0] - first[0]) < 180) return ring; // ends where it began: an ordinary ring
  const pole = first[1] < 0 ? -90 : 90;
  return [...ring, [last[0], pole], [first[0], pole], first];
}

function alignTo(ring, lon) {
  const turns = Math.round((lon - ring[0][0]) / 360);
  return turns ? ring.map(([x, y]) => [x + 360 * turns, y]) : ring;
}

function shifted(polygon, by) {
  return polygon.map((ring) => ring.map(([x, y]) => [x + by, y]));
}
