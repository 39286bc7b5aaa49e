// Oxigraph (npm) side of bench/query_sparql.sh: loads an N-Triples file into an
// in-memory store, then runs each query REPEAT times and prints, like
// bench/query_sparql_driver.cpp, "<name> <fastest seconds> <rows>" per query.
// Usage: node bench/query_oxigraph.mjs GRAPH.nt REPEAT NAME=QUERY_FILE...
import { readFileSync } from "node:fs";
import oxigraph from "oxigraph";

const [path, repeatArg, ...queries] = process.argv.slice(2);
if (!path || !repeatArg) {
  console.error("usage: node query_oxigraph.mjs GRAPH.nt REPEAT NAME=QUERY_FILE...");
  process.exit(2);
}
const repeat = Math.max(1, Number(repeatArg));
let start = process.hrtime.bigint();
const store = new oxigraph.Store();
store.load(readFileSync(path, "utf8"), { format: "application/n-triples" });
const load = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`load ${load.toFixed(3)} ${store.size}`);
for (const q of queries) {
  const eq = q.indexOf("=");
  const name = q.slice(0, eq);
  const text = readFileSync(q.slice(eq + 1), "utf8");
  let best = Infinity;
  let rows = 0;
  for (let i = 0; i < repeat; i++) {
    start = process.hrtime.bigint();
    const result = store.query(text);
    // Materialise every row and term, as the kg driver does.
    rows = 0;
    for (const row of result) {
      for (const [, term] of row) void term.value;
      rows++;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  console.log(`${name} ${best.toFixed(6)} ${rows}`);
}
