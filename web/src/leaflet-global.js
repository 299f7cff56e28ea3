// leaflet.markercluster is a UMD script that extends the global `L`: give it ours before it loads.
import L from "leaflet";

window.L = L;
export default L;
