// Events the map does not draw as a point, listed beside the filters instead: those placed only at country
// level (a dot at a country's middle would name a town no report names) and those with no place at all.
import { el } from "./dom.js";

const LISTED = 200; // per list; the rest are counted

export function placement(event) {
  if (event.latitude !== null && event.longitude !== null && event.admin1) return "point";
  return event.country && !event.admin1 ? "country" : "unplaced";
}

export function listApart(box, events) {
  const countryLevel = events.filter((e) => placement(e) === "country");
  const unplaced = events.filter((e) => placement(e) === "unplaced");
  box.replaceChildren(
    list("apart-country", "Placed only at country level", countryLevel, (e) => e.country),
    list("apart-unplaced", "Without a place on the map", unplaced, (e) => e.location || "no place"),
  );
  return { countryLevel: countryLevel.length, unplaced: unplaced.length };
}

function list(id, heading, events, where) {
  if (!events.length) return "";
  const more = events.length - LISTED;
  return el("div", { id },
    el("h2", {}, `${heading} (${events.length})`),
    el("ul", {}, events.slice(0, LISTED).map((e) => el("li", {},
      el("a", { href: `#event=${encodeURIComponent(e.id)}`, "data-event-id": e.id },
        `${e.event_date || "undated"} · ${e.sub_event_type}`), ` · ${where(e)}`)),
    more > 0 ? el("li", {}, `and ${more} more`) : null));
}
