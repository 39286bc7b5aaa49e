// Loads an N-Triples file into Oxigraph's in-memory store, the peer of
// loading the same file into a kg::KnowledgeGraph (bench/export_convert.sh).
// Usage: node bench/oxigraph_load.mjs FILE.nt
import { readFileSync } from "node:fs";
import oxigraph from "oxigraph";

const path = process.argv[2];
if (!path) {
  console.error("usage: node oxigraph_load.mjs FILE.nt");
  process.exit(2);
}
const start = process.hrtime.bigint();
const data = readFileSync(path, "utf8");
const store = new oxigraph.Store();
store.load(data, { format: "application/n-triples" });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`oxigraph: ${store.size} quads loaded in ${seconds.toFixed(3)} s`);
