// A histogram of events per day in SVG, each day's bar stacked by event type in the map's colours; dragging
// across it selects a range of days (the brush).
import { el, svg } from "./dom.js";
import { colourOf, TYPE_COLOURS } from "./style.js";

const TYPE_ORDER = Object.keys(TYPE_COLOURS);
const typeRank = (type) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);

const DAY = 86400000;
const HEIGHT = 90;
const AXIS = 16;

export function dayNumber(iso) {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

export function isoDay(number) {
  return new Date(number * DAY).toISOString().slice(0, 10);
}

// The days the timeline shows at first: the densest span holding half of the events (the shortest window of
// half of them), grown outward while the next event's day lies within max(30 days, that span's length) of
// the days taken. A stray date years from the rest (an old article, a misread year) stays out, and cannot
// squeeze the rest into a sliver, however few the events. `days`: one day number per event, sorted.
export function bulkSpan(days) {
  const n = days.length;
  const half = Math.ceil(n / 2);
  let start = 0;
  for (let i = 1; i + half <= n; i++) {
    if (days[i + half - 1] - days[i] < days[start + half - 1] - days[start]) start = i;
  }
  let first = start;
  let last = start + half - 1;
  const reach = Math.max(30, days[last] - days[first]);
  while (first > 0 && days[first] - days[first - 1] <= reach) first--;
  while (last < n - 1 && days[last + 1] - days[last] <= reach) last++;
  return [days[first], days[last]];
}

export class Timeline {
  constructor(container, onBrush) {
    this.container = container;
    this.onBrush = onBrush;
    this.range = null; // [first day, last day] as day numbers, or null: every day
    this.counts = new Map(); // day number → events that day
    this.types = new Map(); // day number → Map(event type → events)
    this.wide = false; // true: every day, stray ones too; false: the bulk of the days (bulkSpan)
  }

  setEvents(events) {
    this.counts = new Map();
    this.types = new Map();
    const days = [];
    const numbers = new Map(); // a date → its day number: many events share each day
    for (const event of events) {
      if (!event.event_date) continue;
      let day = numbers.get(event.event_date);
      if (day === undefined) numbers.set(event.event_date, (day = dayNumber(event.event_date)));
      days.push(day);
      this.counts.set(day, (this.counts.get(day) || 0) + 1);
      if (!this.types.has(day)) this.types.set(day, new Map());
      const types = this.types.get(day);
      types.set(event.event_type, (types.get(event.event_type) || 0) + 1);
    }
    days.sort((a, b) => a - b);
    this.bulk = days.length ? bulkSpan(days) : null;
    this.wide = false;
    this.range = null;
    this.draw();
  }

  draw() {
    const box = this.container;
    box.replaceChildren();
    const width = Math.max(box.clientWidth, 200);
    const root = svg("svg", { width, height: HEIGHT, id: "timeline-svg", role: "img", "aria-label": "events per day" });
    this.bars = [];
    this.brush = null;
    if (!this.counts.size) {
      box.append(root);
      return;
    }
    const days = [...this.counts.keys()];
    const [first, last] = this.wide ? [Math.min(...days), Math.max(...days)] : this.bulk;
    const barWidth = width / (last - first + 1);
    const top = Math.max(...[...this.counts].filter(([day]) => day >= first && day <= last).map(([, count]) => count));
    this.x = (day) => (day - first) * barWidth;
    this.barWidth = barWidth;
    for (const [day, count] of this.counts) {
      if (day < first || day > last) continue;
      const bar = svg("g", { class: "bar", "data-day": isoDay(day), "data-count": count });
      const types = [...this.types.get(day)].sort(([a], [b]) => typeRank(a) - typeRank(b));
      let base = HEIGHT - AXIS;
      for (const [type, n] of types) {
        const height = ((HEIGHT - AXIS - 4) * n) / top;
        base -= height;
        bar.append(svg("rect", {
          class: "slice", x: this.x(day) + 0.5, y: base, width: Math.max(barWidth - 1, 1), height,
          fill: colourOf(type), "data-event-type": type, "data-count": n,
        }));
      }
      root.append(bar);
      this.bars.push([day, bar]);
    }
    for (const [day, anchor] of [[first, "start"], [last, "end"]]) {
      const label = svg("text", { x: anchor === "start" ? 2 : width - 2, y: HEIGHT - 3, "text-anchor": anchor, class: "axis" });
      label.textContent = isoDay(day);
      root.append(label);
    }
    box.append(this.strayButtons(first, last), root); // once built, in one change of the page
    root.addEventListener("pointerover", (event) => this.addTip(event.target.closest(".bar")));
    this.brush = svg("rect", { class: "brush", y: 0, height: HEIGHT - AXIS });
    root.append(this.brush);
    this.paint();

    const dayAt = (event) => {
      const left = root.getBoundingClientRect().left;
      return Math.min(last, Math.max(first, first + Math.floor((event.clientX - left) / barWidth)));
    };
    let start = null;
    root.addEventListener("pointerdown", (event) => {
      start = dayAt(event);
      this.range = [start, start];
      root.setPointerCapture(event.pointerId);
      this.paint();
    });
    root.addEventListener("pointermove", (event) => {
      if (start === null) return;
      const day = dayAt(event);
      this.range = [Math.min(start, day), Math.max(start, day)];
      this.paint();
    });
    root.addEventListener("pointerup", (event) => {
      if (start === null) return;
      const day = dayAt(event);
      this.range = [Math.min(start, day), Math.max(start, day)];
      start = null;
      this.paint();
      this.onBrush(this.range);
    });
  }

  // A bar's tooltip, made when first pointed at: hundreds of bars are drawn, few pointed at.
  addTip(bar) {
    if (!bar || bar.querySelector("title")) return;
    const count = Number(bar.dataset.count);
    const tip = svg("title");
    tip.textContent = `${bar.dataset.day}: ${count} event${count === 1 ? "" : "s"}` +
      [...bar.querySelectorAll(".slice")].map((slice) => `\n${slice.dataset.count} ${slice.dataset.eventType}`).join("");
    bar.append(tip);
  }

  // "3 earlier" and "1 later" (the events the bulk leaves out) widen the timeline to every day; when wide,
  // one button narrows it again.
  strayButtons(first, last) {
    const count = (inside) => [...this.counts].filter(([day]) => inside(day)).reduce((sum, [, n]) => sum + n, 0);
    const earlier = count((day) => day < first);
    const later = count((day) => day > last);
    const widen = () => { this.wide = true; this.draw(); };
    const row = el("div", { className: "strays" });
    if (this.wide) {
      const [bulkFirst, bulkLast] = this.bulk;
      if (bulkFirst !== first || bulkLast !== last) {
        row.append(el("button", { type: "button", id: "timeline-narrow", onclick: () => { this.wide = false; this.draw(); } },
          `only ${isoDay(bulkFirst)} – ${isoDay(bulkLast)}`));
      }
      return row;
    }
    if (earlier) row.append(el("button", { type: "button", id: "timeline-earlier", onclick: widen }, `◂ ${earlier} earlier`));
    if (later) row.append(el("button", { type: "button", id: "timeline-later", onclick: widen }, `${later} later ▸`));
    return row;
  }

  // Bars outside the brushed range fade; the brush rectangle shows the range.
  paint() {
    for (const [day, bar] of this.bars) {
      const inside = !this.range || (day >= this.range[0] && day <= this.range[1]);
      bar.setAttribute("class", inside ? "bar" : "bar outside");
    }
    if (!this.brush) return;
    if (this.range) {
      this.brush.setAttribute("x", this.x(this.range[0]));
      this.brush.setAttribute("width", (this.range[1] - this.range[0] + 1) * this.barWidth);
      this.brush.style.display = "";
    } else {
      this.brush.style.display = "none";
    }
  }

  // Brushes `range` ([first, last] day numbers; null: every day) as a drag would, showing every day when the
  // range reaches past the bulk.
  select(range) {
    this.range = range;
    if (range && this.bulk && (range[0] < this.bulk[0] || range[1] > this.bulk[1])) this.wide = true;
    this.draw();
    this.onBrush(range);
  }

  clear() {
    this.range = null;
    this.paint();
    this.onBrush(null);
  }
}
