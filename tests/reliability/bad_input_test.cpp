// The bad-input catalogue (tests/data/bad/, see its README): every case run through the
// kg CLI as a user would, with the exact error it must print (file, position, what to
// do), a non-zero exit, no crash, and no output file left behind.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reliability_support.hpp"

namespace kg::reliability {
namespace {

struct TextCase {
  const char* file;
  const char* position;  // ":line:column" after the path
  const char* message;   // the rest of the line after "path:line:column: "
};

// What `kg parse` and `kg ner` must say about each text input.
const TextCase kTextCases[] = {
    {"empty.txt", ":1:1",
     "empty article: no text to read (give a file with a `date YYYY-MM-DD title` line followed "
     "by the text)"},
    {"garbage.bin", ":1:1",
     "invalid UTF-8 byte 0x89 at byte offset 0 (convert the file to UTF-8, e.g. `iconv -f latin1 "
     "-t utf-8`)"},
    {"latin1.txt", ":2:21",
     "invalid UTF-8 byte 0xE9 at byte offset 51 (convert the file to UTF-8, e.g. `iconv -f latin1 "
     "-t utf-8`)"},
    {"utf16le_bom.txt", ":1:1",
     "the file is UTF-16LE (byte-order mark), not UTF-8 (convert it to UTF-8, e.g. `iconv -f "
     "UTF-16LE -t utf-8`)"},
    {"utf16be_bom.txt", ":1:1",
     "the file is UTF-16BE (byte-order mark), not UTF-8 (convert it to UTF-8, e.g. `iconv -f "
     "UTF-16BE -t utf-8`)"},
    {"nul_bytes.txt", ":2:10",
     "NUL byte at byte offset 40: binary data, not text (give a plain-text UTF-8 article)"},
};

class TextInputTest : public ScratchTest, public ::testing::WithParamInterface<TextCase> {};

TEST_P(TextInputTest, ParseGivesTheExactErrorAndFails) {
  const TextCase& c = GetParam();
  const std::string input = bad_input(c.file);
  for (const char* command : {"parse", "ner"}) {
    const ChildResult r = kg({command, input});
    EXPECT_EQ(r.signal, 0) << command;
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_EQ(r.err, "kg: error: " + input + c.position + ": " + c.message + "\n") << command;
    EXPECT_EQ(r.out, "") << command;
  }
}

// `kg build` reads articles through the same reader: the same exact error, a
// non-zero exit, and no graph file left in the output directory.
TEST_P(TextInputTest, BuildGivesTheExactErrorAndWritesNothing) {
  const TextCase& c = GetParam();
  const std::string input = bad_input(c.file);
  const fs::path out = path("out");
  fs::create_directories(out);
  const ChildResult r = kg({"build", input, "-o", out.string(), "-q"});
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kg: error: " + input + c.position + ": " + c.message + "\n");
  EXPECT_TRUE(fs::is_empty(out)) << fs::directory_iterator(out)->path();
}

TEST_P(TextInputTest, StandardInputIsNamedDash) {
  const TextCase& c = GetParam();
  RunOptions options;
  options.stdin_path = bad_input(c.file);
  const ChildResult r = kg({"parse", "-"}, options);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, std::string("kg: error: -") + c.position + ": " + c.message + "\n");
}

INSTANTIATE_TEST_SUITE_P(Catalogue, TextInputTest, ::testing::ValuesIn(kTextCases),
                         [](const ::testing::TestParamInfo<TextCase>& info) {
                           std::string name;
                           for (const char* p = info.param.file; *p != '\0' && *p != '.'; ++p) {
                             if (std::isalnum(static_cast<unsigned char>(*p))) name += *p;
                           }
                           return name;
                         });

using ArticleHeaderTest = ScratchTest;

// A missing or malformed date header is not fatal for parse/ner (the date only
// feeds the graph); it is reported as a note naming the file, and the text is
// still processed.
TEST_F(ArticleHeaderTest, MissingDateIsANote) {
  const std::string input = bad_input("no_date.txt");
  const ChildResult r = kg({"parse", input});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err,
            "kg: note: " + input + ": no 'date YYYY-MM-DD' header line; document date unknown\n");
  EXPECT_NE(r.out.find("\tTrump\t"), std::string::npos);
  EXPECT_EQ(r.out.find("# date = "), std::string::npos);
}

TEST_F(ArticleHeaderTest, MalformedDateIsANoteAndNoDateIsInvented) {
  const std::string input = bad_input("bad_date.txt");
  const ChildResult r = kg({"ner", input});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "kg: note: " + input +
                       ": first line starts with 'date' but no valid YYYY-MM-DD follows; "
                       "document date unknown\n");
  const ChildResult p = kg({"parse", input});
  EXPECT_EQ(p.out.find("# date = "), std::string::npos);
}

TEST_F(ArticleHeaderTest, MissingInputFileNamesIt) {
  const std::string input = path("no-such-article.txt").string();
  for (const char* command : {"parse", "ner"}) {
    const ChildResult r = kg({command, input});
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_EQ(r.err,
              "kg: error: " + input + ": cannot open file (check the path and permissions)\n")
        << command;
  }
}

TEST_F(ArticleHeaderTest, DirectoryAsInputIsAnError) {
  // Regression: a directory opened as a stream reported "out of memory" (exit 3).
  for (const char* command : {"parse", "ner"}) {
    const ChildResult r = kg({command, dir_.string()});
    EXPECT_EQ(r.signal, 0);
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_EQ(r.err, "kg: error: " + dir_.string() +
                         ": is a directory, not a file (give the path of a file)\n")
        << command;
  }
}

TEST_F(ArticleHeaderTest, ArticleFromAPipeIsRead) {
  // Regression: an unseekable file (a pipe, `<(...)`) was read as empty.
  const std::string input = bad_input("no_date.txt");
  const ChildResult r =
      run_program({"/bin/sh", "-c",
                   "cat '" + input + "' | exec '" + std::string(KG_BINARY) + "' ner /dev/stdin"},
                  dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\tTrump\t"), std::string::npos) << r.out;
}

struct RdfCase {
  const char* file;
  const char* position;
  const char* message;
};

const RdfCase kRdfCases[] = {
    {"unterminated_literal.ttl", ":2:33", "syntax error: line end in short string"},
    {"space_in_iri.nt", ":2:45", "syntax error: invalid IRI character (escape %20)"},
    {"missing_dot.nq", ":3", "syntax error: expected `.', not `<'"},
    // serd 0.30 stops here without an error (and the rest of the file would be lost).
    {"bare_word.nq", ":2:1",
     "syntax error: a statement starts with 'T', not with an IRI in <...> or a blank node _:label"},
    {"mismatched_tag.rdf", ":4:3",
     "syntax error: XML parser error: Opening and ending tag mismatch: rdf:Description line 0 and "
     "rdf:Descriptio"},
    // Binary data read as Turtle: the parser's own wording may change, so only the
    // position (line 1) and the kind of error are fixed.
    {"garbage.bin", ":1:", ""},
};

// The message after "kg: error: " for an RDF case, or a prefix of it when the case
// leaves the parser's wording open.
bool matches(const std::string& err, const std::string& input, const RdfCase& c) {
  const std::string head = "kg: error: " + input + c.position;
  const std::string hint =
      " (fix the RDF at this position (the file is not valid for its syntax))\n";
  if (*c.message != '\0') return err == head + ": " + c.message + hint;
  return err.rfind(head, 0) == 0 && err.find(": syntax error: ") != std::string::npos &&
         err.size() > hint.size() && err.substr(err.size() - hint.size()) == hint;
}

class RdfInputTest : public ScratchTest, public ::testing::WithParamInterface<RdfCase> {};

TEST_P(RdfInputTest, ConvertGivesLineColumnAndKeepsTheOldOutput) {
  const RdfCase& c = GetParam();
  const std::string input = bad_input(c.file);
  const std::string output = file("out.ttl", "# previous output\n");
  std::vector<std::string> args{"convert", input, output};
  if (std::string(c.file) == "garbage.bin") args.insert(args.end(), {"--from", "turtle"});
  const ChildResult r = kg(args);
  EXPECT_EQ(r.signal, 0);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(matches(r.err, input, c)) << r.err;
  EXPECT_EQ(slurp(output), "# previous output\n");
  // No temporary file is left next to the output.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir_)) {
    if (e.path().filename().string().rfind(".child", 0) != 0) ++files;
  }
  EXPECT_EQ(files, 1U);
}

TEST_P(RdfInputTest, ValidateAndRenderFailTheSameWay) {
  const RdfCase& c = GetParam();
  const std::string input = bad_input(c.file);
  std::vector<std::string> from;
  if (std::string(c.file) == "garbage.bin") from = {"--from", "turtle"};
  std::vector<std::string> validate{"validate", input};
  validate.insert(validate.end(), from.begin(), from.end());
  std::vector<std::string> render{"render", input, "-o", path("g.svg").string()};
  render.insert(render.end(), from.begin(), from.end());
  for (const auto& args : {validate, render}) {
    const ChildResult r = kg(args);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_TRUE(matches(r.err, input, c)) << args[0] << ": " << r.err;
  }
  EXPECT_FALSE(fs::exists(path("g.svg")));
}

INSTANTIATE_TEST_SUITE_P(Catalogue, RdfInputTest, ::testing::ValuesIn(kRdfCases),
                         [](const ::testing::TestParamInfo<RdfCase>& info) {
                           std::string name;
                           for (const char* p = info.param.file; *p != '\0'; ++p) {
                             if (std::isalnum(static_cast<unsigned char>(*p))) name += *p;
                           }
                           return name;
                         });

using RdfEdgeTest = ScratchTest;

TEST_F(RdfEdgeTest, EmptyTurtleIsAnEmptyGraphNotAnError) {
  // An empty document is valid Turtle (no triples); converting it must not fail or crash.
  const std::string input = file("empty.ttl", "");
  const ChildResult r = kg({"convert", input, path("out.nt").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(path("out.nt")), "");
}

TEST_F(RdfEdgeTest, MissingGraphFileNamesIt) {
  const std::string input = path("absent.ttl").string();
  const ChildResult r = kg({"convert", input, path("out.nt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("kg: error: " + input + ": ", 0), 0U) << r.err;
  EXPECT_NE(r.err.find("check the path"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(path("out.nt")));
}

// Each ontology case of tests/data/ontology/bad, given to the CLI with --ontology:
// the command fails before reading the graph, with the loader's exact error.
class BadOntologyTest : public ScratchTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(BadOntologyTest, CommandsRefuseTheOntologyWithItsError) {
  const std::string name = GetParam();
  const fs::path bad_dir = fs::path(KG_TEST_DATA_DIR) / "ontology" / "bad";
  const fs::path onto = path(name);
  fs::create_directories(onto);
  if (fs::is_directory(bad_dir / name)) {
    for (const auto& e : fs::directory_iterator(bad_dir / name)) {
      fs::copy_file(e.path(), onto / e.path().filename());
    }
  } else {
    fs::copy_file(bad_dir / (name + ".ttl"), onto / (name + ".ttl"));
  }
  // The .error file names paths relative to the bad/ folder; here they are under dir_.
  std::string expected = slurp(bad_dir / (name + ".error"));
  while (!expected.empty() && expected.back() == '\n') expected.pop_back();
  for (std::size_t at = 0; (at = expected.find(name + "/", at)) != std::string::npos;) {
    expected.replace(at, name.size() + 1, dir_.string() + "/" + name + "/");
    at += dir_.string().size() + name.size() + 2;
  }
  if (!fs::is_directory(bad_dir / name)) expected = onto.string() + "/" + expected;
  const std::string graph = std::string(KG_TEST_DATA_DIR) + "/export/sample_graph.ttl";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--ontology", onto.string(), "validate", graph},
        std::vector<std::string>{"--ontology", onto.string(), "convert", graph,
                                 path("out.nt").string()}}) {
    const ChildResult r = kg(args);
    EXPECT_EQ(r.signal, 0);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "kg: error: " + expected + "\n");
  }
  EXPECT_FALSE(fs::exists(path("out.nt")));
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadOntologyTest,
                         ::testing::Values("unknown_class_in_domain", "subclass_cycle",
                                           "duplicate_property", "malformed"));

}  // namespace
}  // namespace kg::reliability
