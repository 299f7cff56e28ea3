// Every piece of the page is built here with DOM calls: text from documents and events becomes text nodes,
// never markup (no innerHTML anywhere), so an article that contains <script> shows it as words.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) { // nested lists of children, as `map` makes them
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function svg(tag, attributes = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

// text[start:end] with each span (absolute offsets) wrapped in <mark>; `offset` is where `text` starts.
export function marked(text, offset, spans) {
  const pieces = [];
  let cursor = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const span of sorted) {
    const start = span.start - offset;
    const end = span.end - offset;
    if (start < cursor || start < 0 || end > text.length) continue; // overlapping spans: the first one wins
    pieces.push(text.slice(cursor, start));
    pieces.push(el("mark", { title: span.field, "data-field": span.field }, text.slice(start, end)));
    cursor = end;
  }
  pieces.push(text.slice(cursor));
  return pieces;
}
