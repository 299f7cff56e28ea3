// The event-type and sub-event-type choice lists, from ACLED's taxonomy as the server sends it
// (/api/config): sub-event types grouped under their event type; choosing an event type leaves only its own.
import { el } from "./dom.js";

export function fillTypeChoices(eventTypes, typeSelect, subSelect) {
  typeSelect.append(...Object.keys(eventTypes).map((type) => el("option", {}, type)));
  subSelect.append(...Object.entries(eventTypes).map(([type, subs]) =>
    el("optgroup", { label: type }, subs.map((sub) => el("option", {}, sub)))));
  const narrow = () => {
    for (const group of subSelect.querySelectorAll("optgroup")) {
      const hidden = Boolean(typeSelect.value) && group.label !== typeSelect.value;
      group.hidden = hidden;
      group.disabled = hidden;
    }
    const chosen = subSelect.selectedOptions[0];
    if (chosen && chosen.parentElement.disabled) subSelect.value = "";
  };
  typeSelect.addEventListener("change", narrow);
  return narrow; // to call again when the form is filled from the address
}
