// How an event looks on the map: colour by ACLED event type, shape and outline by verification status, size
// by the dead.

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
export const OTHER_COLOUR = "#7f7f7f";

export const VERIFICATION_SHAPES = {
  confirmed: "circle, solid outline",
  reported: "circle",
  claimed: "diamond",
  disputed: "square, dashed outline",
  unverified: "hollow circle",
};

export function colourOf(eventType) {
  return TYPE_COLOURS[eventType] || OTHER_COLOUR;
}

export function verificationClass(verification) {
  return `sr-ver-${verification in VERIFICATION_SHAPES ? verification : "reported"}`;
}

// A marker's width in pixels: 14 with no one reported dead, growing with the square root of the dead
// (1: 17, 10: 23, 25: 29) up to 40 (from 76 dead).
export function dotSize(fatalities) {
  return Math.min(40, Math.round(14 + 3 * Math.sqrt(fatalities || 0)));
}
