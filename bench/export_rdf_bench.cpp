// Synthetic graph for the RDF benchmarks, written as N-Triples: N entities
// (type, English label — some Cyrillic, accented or emoji — and some aliases)
// and M relations between them with kgo: predicates, deterministic for a given
// size. The file is the common input of `kg convert`, serdi, rapper and
// Oxigraph in bench/export_convert.sh.
//
// Usage: export_rdf_bench OUT.nt [entities=100000] [relations=1000000]

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr const char* kClasses[] = {"Person", "Country", "Organization", "Place", "Event"};
constexpr const char* kPredicates[] = {
    "met",        "denied",   "agreedCeasefireWith", "backs", "opposes",  "accused",
    "criticized", "attacked", "alliedWith",          "leads", "memberOf", "locatedIn",
    "said",       "pressed"};
constexpr const char* kNames[] = {"Anna",  "Boris", "Chen", "Dmitry", "Elena",
                                  "Farid", "Grace", "Hiro", "Ines",   "Jorge"};
constexpr const char* kAccented[] = {"Zoë", "Łukasz", "Sørensen", "Müller", "Ñúñez"};
constexpr const char* kCyrillic[] = {"Сергей", "Лавров", "Дмитрий", "Песков", "Москва"};

std::uint64_t next(std::uint64_t& state) {
  // splitmix64: fast, deterministic, good enough spread for picking objects.
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string label_for(std::size_t i) {
  std::string label = kNames[i % 10];
  if (i % 7 == 0) label = kCyrillic[(i / 7) % 5];
  if (i % 11 == 0) label += std::string(" ") + kAccented[(i / 11) % 5];
  if (i % 1000 == 0) label += " \xF0\x9F\x8C\x8D";  // an emoji now and then
  label += " " + std::to_string(i);
  return label;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT.nt [entities] [relations]\n", argv[0]);
    return 2;
  }
  const std::size_t entities = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 100000;
  const std::size_t relations = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1000000;
  if (entities < 2) {
    std::fprintf(stderr, "need at least 2 entities\n");
    return 2;
  }
  std::FILE* out = std::fopen(argv[1], "wb");
  if (out == nullptr) {
    std::perror(argv[1]);
    return 1;
  }
  const std::string e = "<https://kg.example.org/entity/E";
  const std::string kgo = "<https://kg.example.org/ontology#";
  std::string buf;
  buf.reserve(1 << 20);
  auto flush = [&] {
    std::fwrite(buf.data(), 1, buf.size(), out);
    buf.clear();
  };
  for (std::size_t i = 0; i < entities; ++i) {
    const std::string s = e + std::to_string(i) + "> ";
    buf +=
        s + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " + kgo + kClasses[i % 5] + "> .\n";
    buf += s + "<http://www.w3.org/2000/01/rdf-schema#label> \"" + label_for(i) + "\"@en .\n";
    if (i % 3 == 0) {
      buf += s + "<http://www.w3.org/2004/02/skos/core#altLabel> \"" + kNames[(i / 3) % 10] + " #" +
             std::to_string(i) + "\"@en .\n";
    }
    if (buf.size() > (1 << 20)) flush();
  }
  // Relations spread over subjects, distinct per (subject, predicate, object).
  std::uint64_t state = 42;
  const std::size_t per_subject = (relations + entities - 1) / entities;
  std::size_t written = 0;
  std::vector<std::pair<std::size_t, std::size_t>> seen;
  for (std::size_t s = 0; s < entities && written < relations; ++s) {
    seen.clear();
    for (std::size_t j = 0; j < per_subject && written < relations;) {
      const std::size_t o = (s + 1 + next(state) % (entities - 1)) % entities;
      const std::size_t p = (s + j) % (sizeof(kPredicates) / sizeof(kPredicates[0]));
      bool dup = false;
      for (const auto& x : seen) dup = dup || (x.first == p && x.second == o);
      if (dup) continue;
      seen.emplace_back(p, o);
      buf += e + std::to_string(s) + "> " + kgo + kPredicates[p] + "> " + e + std::to_string(o) +
             "> .\n";
      ++j;
      ++written;
    }
    if (buf.size() > (1 << 20)) flush();
  }
  flush();
  if (std::fclose(out) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  return 0;
}
