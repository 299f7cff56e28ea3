// Cluster markers as a small pie of the event types inside, in the legend's colours, with the count in the
// middle: the cluster library's own green/yellow/orange by size would read as event types.
import L from "./leaflet-global.js";
import { el } from "./dom.js";
import { colourOf, TYPE_COLOURS } from "./style.js";

const TYPE_ORDER = Object.keys(TYPE_COLOURS);

export function clusterIcon(cluster) {
  const counts = new Map();
  for (const marker of cluster.getAllChildMarkers()) {
    const type = marker.options.eventType;
    counts.set(type, (counts.get(type) || 0) + 1);
  }
  const total = cluster.getChildCount();
  const types = [...counts].sort(([a], [b]) => rank(a) - rank(b));
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
