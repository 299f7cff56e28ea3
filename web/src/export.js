// Downloads the filtered set as the API writes it (the same columns and records as `sitrep export`): every
// page of the query the shown events were loaded with, narrowed to the brushed days.
import { isoDay } from "./timeline.js";

const MEDIA = { csv: "text/csv", geojson: "application/geo+json" };

export async function downloadEvents(loadedQuery, range, format) {
  const query = new URLSearchParams(loadedQuery);
  query.set("format", format);
  if (range) { // the brush narrows the filters' own days, never widens them
    const [first, last] = range.map(isoDay);
    if (!query.get("since") || query.get("since") < first) query.set("since", first);
    if (!query.get("until") || query.get("until") > last) query.set("until", last);
  }
  const pages = [];
  for (let url = `/api/events?${query}`; url;) {
    const response = await fetch(url, { headers: { Accept: MEDIA[format] } });
    if (!response.ok) throw new Error(`export: ${response.status}`);
    pages.push(await response.text());
    url = nextPage(response.headers.get("Link"));
  }
  const body = format === "csv" ? joinCsv(pages) : joinGeoJSON(pages);
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([body], { type: MEDIA[format] }));
  link.download = `sitrep-events.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

function nextPage(linkHeader) {
  const match = /<([^>]+)>;\s*rel="next"/.exec(linkHeader || "");
  if (!match) return null;
  const next = new URL(match[1], window.location.href); // the server may name its own host differently
  return `${next.pathname}${next.search}`;
}

function joinCsv(pages) {
  const [first, ...rest] = pages;
  return first + rest.map((page) => page.slice(page.indexOf("\n") + 1)).join(""); // one header line
}

function joinGeoJSON(pages) {
  const features = pages.flatMap((page) => JSON.parse(page).features);
  return JSON.stringify({ type: "FeatureCollection", features });
}
