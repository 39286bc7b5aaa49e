// The default N-Triples / N-Quads reader (line by line, serd for what it does not take)
// against serd reading the whole input: the same graph from every input, and the same
// error (message, line, column) from every bad one.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "export_test_util.hpp"

namespace kg::exporters {
namespace {

using testing::canonical;
using testing::read_string;
using testing::sorted_ntriples;

struct Input {
  const char* name;
  const char* format;  // "ntriples" or "nquads"
  std::string text;
};

ReadOptions with(RdfParser parser) {
  ReadOptions options;
  options.parser = parser;
  options.base = "http://base.example/dir/";
  return options;
}

const std::string kS = "<http://example.org/s>";
const std::string kP = "<http://example.org/p>";
const std::string kKnows = "<https://kg.example.org/ontology#met>";

std::vector<Input> good_inputs() {
  return {
      {"Plain", "ntriples", kS + " " + kP + " <http://example.org/o> .\n"},
      {"NoFinalNewline", "ntriples", kS + " " + kP + " \"x\" ."},
      {"CrLf", "ntriples", kS + " " + kP + " \"x\" .\r\n" + kS + " " + kP + " \"y\" .\r\n"},
      {"TabsAndBlankLines", "ntriples",
       "\n\t\n" + kS + "\t" + kP + "\t\"x\"\t.\t\n   \n" + kS + " " + kP + " \"z\".\n"},
      {"Comments", "ntriples",
       "# a comment\n" + kS + " " + kP + " \"x\" . # after\n  # indented\n"},
      {"Escapes", "ntriples",
       kS + " " + kP + " \"tab\\t nl\\n cr\\r q\\\" a\\' bs\\\\ b\\b f\\f\" .\n"},
      {"UnicodeEscapes", "ntriples",
       kS + " " + kP + " \"\\u00E9 \\U0001F600\" .\n" + kS + " " + kP +
           " <http://example.org/\\u00E9> .\n"},
      {"Utf8", "ntriples",
       kS + " " + kP + " \"Сергей Лавров 😀 Zoë\"@ru .\n<http://example.org/Москва> " + kP +
           " <http://example.org/ünï> .\n"},
      {"LanguageTags", "ntriples",
       kS + " " + kP + " \"a\"@en-GB .\n" + kS + " " + kP + " \"b\"@EN .\n" + kS + " " + kP +
           " \"c\"@de-1996.\n"},
      {"Datatypes", "ntriples",
       kS + " " + kP + " \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" + kS + " " + kP +
           " \"\"^^<http://example.org/dt>.\n"},
      {"EmptyLiteral", "ntriples", kS + " " + kP + " \"\" .\n"},
      {"BlankNodes", "ntriples",
       "_:a " + kP + " _:b1 .\n_:b1 " + kP + " \"x\" .\n_:x-y_z " + kP + " _:x.y .\n_:genid7 " +
           kP + " _:b .\n"},
      {"NoSpaceBetweenTerms", "ntriples", kS + kP + "<http://example.org/o>.\n"},
      {"Relations", "ntriples",
       "<https://kg.example.org/entity/A> " + kKnows +
           " <https://kg.example.org/entity/B> .\n<https://kg.example.org/entity/A> "
           "<http://www.w3.org/2000/01/rdf-schema#label> \"A\"@en .\n"
           "<https://kg.example.org/entity/B> " +
           kKnows + " <https://kg.example.org/entity/A> .\n"},
      {"ControlCharacterInLiteral", "ntriples", kS + " " + kP + " \"bell \x07\" .\n"},
      {"Quads", "nquads",
       kS + " " + kP + " \"x\" <http://example.org/g> .\n" + kS + " " + kP + " \"x\" .\n_:a " + kP +
           " _:b _:g .\n" + kS + " " + kP +
           " <http://example.org/o> "
           "<http://example.org/g>.\n"},
  };
}

class LineReaderTest : public ::testing::TestWithParam<Input> {};

TEST_P(LineReaderTest, ReadsTheGraphSerdReads) {
  const Input& in = GetParam();
  auto by_serd = read_string(in.text, in.format, with(RdfParser::kSerd));
  ASSERT_TRUE(by_serd) << by_serd.error().to_string();
  auto by_lines = read_string(in.text, in.format, with(RdfParser::kAuto));
  ASSERT_TRUE(by_lines) << by_lines.error().to_string();
  EXPECT_EQ(canonical(*by_lines), canonical(*by_serd));
  EXPECT_EQ(sorted_ntriples(*by_lines), sorted_ntriples(*by_serd));
  EXPECT_FALSE(sorted_ntriples(*by_lines).empty());
}

INSTANTIATE_TEST_SUITE_P(Inputs, LineReaderTest, ::testing::ValuesIn(good_inputs()),
                         [](const ::testing::TestParamInfo<Input>& info) {
                           return std::string(info.param.name);
                         });

std::vector<Input> bad_inputs() {
  const std::string ok = kS + " " + kP + " \"fine\" .\n";
  return {
      {"SpaceInIri", "ntriples", ok + "<http://example.org/a b> " + kP + " \"x\" .\n"},
      {"MissingDot", "ntriples", ok + kS + " " + kP + " \"x\"\n" + ok},
      {"MissingDotQuads", "nquads", ok + kS + " " + kP + " \"x\"\n" + ok},
      {"UnterminatedLiteral", "ntriples", ok + ok + kS + " " + kP + " \"x .\n"},
      {"InvalidUtf8InLiteral", "ntriples", ok + kS + " " + kP + " \"caf\xC3\" .\n"},
      {"OverlongUtf8InIri", "ntriples", ok + "<http://example.org/\xC0\xAF> " + kP + " \"x\" .\n"},
      {"BadEscape", "ntriples", ok + kS + " " + kP + " \"a\\qb\" .\n"},
      {"BadLanguageTag", "ntriples", ok + kS + " " + kP + " \"a\"@1x .\n"},
      {"GraphInNTriples", "ntriples", ok + kS + " " + kP + " \"x\" <http://example.org/g> .\n"},
      {"LiteralSubject", "ntriples", ok + "\"x\" " + kP + " \"x\" .\n"},
      {"EscapedSpaceInIri", "ntriples", ok + "<http://example.org/a\\u0020b> " + kP + " \"x\" .\n"},
      {"NoScheme", "ntriples", ok + "<//example.org/a> " + kP + " \"x\" .\n"},
      {"RelativeIri", "ntriples", ok + "<s> " + kP + " <o> .\n"},
      {"Directive", "ntriples", ok + "@prefix ex: <http://example.org/> .\n"},
      // serd 0.30 reads no further and reports nothing on these N-Quads (SERD_FAILURE).
      {"BareWordQuads", "nquads", ok + "Trump " + kP + " \"x\" .\n" + ok},
      {"DigitQuads", "nquads", ok + "1 " + kP + " \"x\" .\n" + ok},
      {"JunkAfterDotQuads", "nquads", ok + kS + " " + kP + " \"x\" .J" + ok + ok},
      {"BlankLabelWithDotQuads", "nquads", ok + "_:a.b " + kP + " \"x\" . x\n"},
      {"NulInCommentQuads", "nquads",
       ok + ok + kS + " " + kP + " \"x\" .#\t" + std::string(1, '\0') + "junk\n" + ok},
      {"BareWordAfterManyLinesQuads", "nquads",
       [&] {
         std::string text;
         for (int i = 0; i < 30000; ++i) text += ok;
         return text + "v" + kS + " " + kP + " <http://example.org/x> .\n" + ok;
       }()},
      {"BareWordTriples", "ntriples", ok + "Trump " + kP + " \"x\" .\n" + ok},
      // Byte-order-mark bytes at the start of a later line: serd checks for a mark only at
      // the start of its input, which a handed-over line must not look like.
      {"PartialBomMidFile", "nquads", ok + ok + "\xEF\xBB" + kS + " " + kP + " \"x\" .\n"},
      {"BomMidFile", "ntriples", ok + "\xEF\xBB\xBF" + kS + " " + kP + " \"x\" .\n"},
      // The same literal earlier with a good datatype: the error names the bad datatype.
      {"BadDatatypeAfterSameLiteral", "ntriples",
       kS + " " + kP + " \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n" + ok + kS + " " +
           kP + " \"true\"^^<http:\xD5\xD0www.w3.org/2001/XMLSchema#boolean> .\n"},
      {"ErrorAfterManyLines", "ntriples",
       [&] {
         std::string text;
         for (int i = 0; i < 30000; ++i) text += ok;
         return text + kS + " " + kP + " <http://example.org/x y> .\n";
       }()},
  };
}

class LineReaderErrorTest : public ::testing::TestWithParam<Input> {};

TEST_P(LineReaderErrorTest, GivesSerdsError) {
  const Input& in = GetParam();
  auto by_serd = read_string(in.text, in.format, with(RdfParser::kSerd));
  ASSERT_FALSE(by_serd);
  auto by_lines = read_string(in.text, in.format, with(RdfParser::kAuto));
  ASSERT_FALSE(by_lines);
  EXPECT_EQ(by_lines.error().to_string(), by_serd.error().to_string());
  EXPECT_EQ(by_lines.error().line, by_serd.error().line);
  EXPECT_EQ(by_lines.error().column, by_serd.error().column);
  EXPECT_EQ(by_lines.error().code, by_serd.error().code);
}

INSTANTIATE_TEST_SUITE_P(Inputs, LineReaderErrorTest, ::testing::ValuesIn(bad_inputs()),
                         [](const ::testing::TestParamInfo<Input>& info) {
                           return std::string(info.param.name);
                         });

// Where serd's N-Quads reader stops without an error, the reader names the place, so no
// statement after it is dropped in silence.
TEST(LineReaderErrorTest, StatementThatStartsWithAWordIsPlaced) {
  const std::string ok = kS + " " + kP + " \"fine\" .\n";
  struct Case {
    std::string text;
    std::size_t line;
    std::size_t column;
  };
  std::string many;
  for (int i = 0; i < 30000; ++i) many += ok;
  for (const Case& c :
       {Case{ok + "Trump " + kP + " \"x\" .\n" + ok, 2, 1},
        Case{ok + "  \t1 " + kP + " \"x\" .\n", 2, 4},
        Case{ok + "_:a.b " + kP + " \"x\" . x\n", 2, 36},
        Case{many + "v" + kS + " " + kP + " <http://example.org/x> .\n", 30001, 1}}) {
    for (RdfParser parser : {RdfParser::kAuto, RdfParser::kSerd}) {
      auto read = read_string(c.text, "nquads", with(parser));
      ASSERT_FALSE(read) << c.text.substr(0, 200);
      EXPECT_EQ(read.error().line, c.line);
      EXPECT_EQ(read.error().column, c.column);
      EXPECT_NE(read.error().message.find("a statement starts with"), std::string::npos)
          << read.error().to_string();
    }
  }
}

TEST(LineReaderFileTest, BadFileGivesTheSameErrorAsSerd) {
  const std::string path = std::string(KG_TEST_DATA_DIR) + "/export/bad/space_in_iri.nt";
  auto by_serd = read_graph_file(path, nullptr, with(RdfParser::kSerd));
  auto by_lines = read_graph_file(path, nullptr, with(RdfParser::kAuto));
  ASSERT_FALSE(by_serd);
  ASSERT_FALSE(by_lines);
  EXPECT_EQ(by_lines.error().to_string(), by_serd.error().to_string());
  EXPECT_EQ(by_lines.error().line, 3U);
}

}  // namespace
}  // namespace kg::exporters

namespace kg::exporters {
namespace {

// Random edits of a small document with every shape the line reader takes (fixed seed:
// the same inputs every run). Whatever serd makes of an edited input, the default reader
// must make the same: the same graph, or the same error.
std::string mutated(std::string text, std::uint64_t& state) {
  static constexpr char kBytes[] = {'<', '>', '"', '\\', ' ', '\t', '\n', '\r', '#',  '.',
                                    '_', ':', '@', '^',  'u', 'a',  '0',  '-',  '\'', '\0'};
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  const std::size_t edits = 1 + next() % 3;
  for (std::size_t e = 0; e < edits && !text.empty(); ++e) {
    const std::size_t at = next() % text.size();
    char byte = kBytes[next() % sizeof kBytes];
    if (next() % 8 == 0) byte = static_cast<char>(0x80 + next() % 0x80);
    switch (next() % 3) {
      case 0:
        text[at] = byte;
        break;
      case 1:
        text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte);
        break;
      default:
        text.erase(at, 1);
    }
  }
  return text;
}

std::string shown(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) {
      out += c;
    } else {
      static constexpr std::string_view kHex = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    }
  }
  return out;
}

TEST(LineReaderFuzzTest, EditedInputsReadAsSerdReadsThem) {
  const std::string base =
      kS + " " + kP + " <http://example.org/o> .\n" + kS + " " + kP +
      " \"t\\\"x\\n\"@en-GB .\n_:b1 " + kP + " \"1\"^^<http://example.org/dt> .\n" + kS + " " + kP +
      " _:x .\n# note\n<http://example.org/\xC3\xA9> " + kP + " \"\xD0\x9C\" .\n";
  std::uint64_t state = 42;
  std::size_t failures = 0;
  for (const char* format : {"ntriples", "nquads"}) {
    const std::string doc = std::string(format) == "nquads"
                                ? base + kS + " " + kP + " \"g\" <http://example.org/g> .\n"
                                : base;
    for (int i = 0; i < 1500 && failures < 5; ++i) {
      const std::string text = mutated(doc, state);
      auto by_serd = read_string(text, format, with(RdfParser::kSerd));
      auto by_lines = read_string(text, format, with(RdfParser::kAuto));
      ASSERT_EQ(by_lines.has_value(), by_serd.has_value())
          << format << " input: " << shown(text) << "\n"
          << (by_serd ? by_lines.error().to_string() : by_serd.error().to_string());
      if (by_serd) {
        if (canonical(*by_lines) != canonical(*by_serd)) {
          ++failures;
          ADD_FAILURE() << format << " graphs differ for input: " << shown(text);
        }
      } else if (by_lines.error().to_string() != by_serd.error().to_string()) {
        ++failures;
        ADD_FAILURE() << format << " errors differ for input: " << shown(text)
                      << "\n  serd:  " << by_serd.error().to_string()
                      << "\n  lines: " << by_lines.error().to_string();
      }
    }
  }
}

}  // namespace
}  // namespace kg::exporters
