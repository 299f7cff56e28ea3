// A histogram of events per day in SVG; dragging across it selects a range of days (the brush).
import { svg } from "./dom.js";

const DAY = 86400000;
const HEIGHT = 90;
const AXIS = 16;

export function dayNumber(iso) {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

export function isoDay(number) {
  return new Date(number * DAY).toISOString().slice(0, 10);
}

export class Timeline {
  constructor(container, onBrush) {
    this.container = container;
    this.onBrush = onBrush;
    this.range = null; // [first day, last day] as day numbers, or null: every day
    this.counts = new Map();
  }

  setEvents(events) {
    this.counts = new Map();
    for (const event of events) {
      if (!event.event_date) continue;
      const day = dayNumber(event.event_date);
      this.counts.set(day, (this.counts.get(day) || 0) + 1);
    }
    this.range = null;
    this.draw();
  }

  draw() {
    const box = this.container;
    box.replaceChildren();
    const width = Math.max(box.clientWidth, 200);
    const root = svg("svg", { width, height: HEIGHT, id: "timeline-svg", role: "img", "aria-label": "events per day" });
    box.append(root);
    this.bars = [];
    this.brush = null;
    if (!this.counts.size) return;
    const days = [...this.counts.keys()];
    const first = Math.min(...days);
    const last = Math.max(...days);
    const barWidth = width / (last - first + 1);
    const top = Math.max(...this.counts.values());
    this.x = (day) => (day - first) * barWidth;
    this.barWidth = barWidth;
    for (const [day, count] of this.counts) {
      const height = ((HEIGHT - AXIS - 4) * count) / top;
      const bar = svg("rect", {
        class: "bar", x: this.x(day) + 0.5, y: HEIGHT - AXIS - height, width: Math.max(barWidth - 1, 1), height,
        "data-day": isoDay(day), "data-count": count,
      });
      const tip = svg("title");
      tip.textContent = `${isoDay(day)}: ${count} event${count === 1 ? "" : "s"}`;
      bar.append(tip);
      root.append(bar);
      this.bars.push([day, bar]);
    }
    for (const [day, anchor] of [[first, "start"], [last, "end"]]) {
      const label = svg("text", { x: anchor === "start" ? 2 : width - 2, y: HEIGHT - 3, "text-anchor": anchor, class: "axis" });
      label.textContent = isoDay(day);
      root.append(label);
    }
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

  clear() {
    this.range = null;
    this.paint();
    this.onBrush(null);
  }
}
