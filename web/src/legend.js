// The legend, folded away behind its title on small screens (where it would cover most of the map) and
// foldable on any.
import L from "leaflet";
import { el } from "./dom.js";
import { dotSize, TYPE_COLOURS, OTHER_COLOUR, VERIFICATION_SHAPES, verificationClass } from "./style.js";

const SMALL_SCREEN = "(max-width: 800px), (max-height: 600px)";

export function addLegend(map) {
  const legend = L.control({ position: "bottomright" });
  legend.onAdd = () => {
    const box = el("details", { className: "legend", id: "legend", open: !window.matchMedia(SMALL_SCREEN).matches },
      el("summary", {}, "Legend"),
      el("strong", {}, "Event type"),
      [...Object.entries(TYPE_COLOURS), ["other", OTHER_COLOUR]].map(([name, colour]) => {
        const dot = el("span", { className: "sr-dot sr-ver-reported" });
        dot.style.setProperty("--colour", colour);
        return el("div", {}, dot, " ", name);
      }),
      el("strong", {}, "Verification"),
      Object.entries(VERIFICATION_SHAPES).map(([name, shape]) => {
        const dot = el("span", { className: `sr-dot ${verificationClass(name)}` });
        dot.style.setProperty("--colour", OTHER_COLOUR);
        return el("div", { title: shape }, dot, " ", name);
      }),
      el("strong", {}, "Size: reported dead"),
      el("div", { className: "sizes" }, [0, 10, 50].map((dead) => {
        const dot = el("span", { className: "sr-dot sr-ver-reported" });
        dot.style.setProperty("--colour", OTHER_COLOUR);
        dot.style.setProperty("--size", `${dotSize(dead)}px`);
        return [dot, ` ${dead} `];
      })),
      el("strong", {}, "Clusters"),
      el("div", {}, "a pie of the types inside"),
      el("strong", {}, "Shading"),
      el("div", {}, "events per region (UA, RU)"));
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  legend.addTo(map);
}
