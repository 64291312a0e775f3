#include "core/error.hpp"
#include "domain/csv_reader.hpp"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace vrathaus;
using namespace vrathaus::csv;

namespace {

struct Row {
  std::int64_t line, last_line;
  std::uint64_t offset, length;
  std::vector<std::string> fields;
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};

std::vector<Row> read_all(std::string_view bytes, Options options = {}) {
  Reader reader(memory_source(bytes), options);
  std::vector<Row> rows;
  Record r;
  while (reader.next(r))
    rows.push_back({r.line, r.last_line, r.offset, r.length, {r.fields.begin(), r.fields.end()}, r.problems});
  return rows;
}

// Every chunk size, down to tiny ones, must give the same records: the state survives a refill.
std::vector<Row> read_chunked(std::string_view bytes, Options options = {}) {
  auto whole = read_all(bytes, options);
  for (std::size_t chunk : {16, 17, 19, 23, 64}) {
    options.chunk_bytes = chunk;
    auto small = read_all(bytes, options);
    REQUIRE(small.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
      CHECK(small[i].fields == whole[i].fields);
      CHECK(small[i].line == whole[i].line);
      CHECK(small[i].offset == whole[i].offset);
      CHECK(small[i].length == whole[i].length);
      CHECK(small[i].problems.size() == whole[i].problems.size());
    }
  }
  return whole;
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("csv: plain records, LF and CRLF, with and without a final newline") {
  for (std::string eol : {"\n", "\r\n", "\r"}) {
    std::string text = "a;b;c" + eol + "1;2;3" + eol + "4;;6";
    auto rows = read_chunked(text);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].fields == Fields{"a", "b", "c"});
    CHECK(rows[1].fields == Fields{"1", "2", "3"});
    CHECK(rows[2].fields == Fields{"4", "", "6"});
    CHECK(rows[2].line == 3);
    CHECK(rows[1].offset == 5 + eol.size());
    CHECK(rows[1].length == 5 + eol.size());
    CHECK(rows[2].length == 4);
    for (const auto& r : rows) CHECK(r.problems.empty());
  }
}

TEST_CASE("csv: quotes, doubled quotes, delimiters and line breaks inside quoted fields") {
  std::string text =
      "name;note\n"
      "\"Müller; Söhne GmbH\";\"He said \"\"hi\"\"\"\n"
      "\"two\nlines\";\"three\r\nlines\r\nhere\"\n"
      "\"\";x\n"
      "last;\"\"\"\"\n";
  auto rows = read_chunked(text);
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].fields == Fields{"Müller; Söhne GmbH", "He said \"hi\""});
  CHECK(rows[2].fields == Fields{"two\nlines", "three\r\nlines\r\nhere"});
  CHECK(rows[2].line == 3);
  CHECK(rows[2].last_line == 6);
  CHECK(rows[3].line == 7);
  CHECK(rows[3].fields == Fields{"", "x"});
  CHECK(rows[4].fields == Fields{"last", "\""});
  CHECK(rows[4].line == 8);
  for (const auto& r : rows) CHECK(r.problems.empty());
}

TEST_CASE("csv: the delimiter is detected from the header, or given") {
  Reader reader(memory_source("a,b;c,d\n1,2,3\n"));
  Record r;
  REQUIRE(reader.next(r));
  CHECK(reader.delimiter() == ',');
  CHECK(r.fields.size() == 3);
  auto semi = read_all("\"a,b,c\";d\n1;2\n");
  CHECK(semi[0].fields == Fields{"a,b,c", "d"});
  Options given;
  given.delimiter = ';';
  auto forced = read_all("a,b,c\n", given);
  CHECK(forced[0].fields == Fields{"a,b,c"});
}

TEST_CASE("csv: a UTF-8 byte order mark is skipped and decides the encoding") {
  Reader reader(memory_source("\xEF\xBB\xBF" "customer_no;city\nK1;Lünen\n"));
  Record r;
  REQUIRE(reader.next(r));
  CHECK(r.fields[0] == "customer_no");
  CHECK(r.offset == 3);
  CHECK(reader.has_bom());
  CHECK(reader.encoding() == Encoding::utf8);
  REQUIRE(reader.next(r));
  CHECK(r.fields[1] == "Lünen");

  Options cp;
  cp.encoding = Encoding::windows1252;
  CHECK_THROWS_AS(read_all("\xEF\xBB\xBF" "a\n", cp), Error);
  CHECK_THROWS_AS(read_all("\xFF\xFE" "a\0\n\0"), Error);
}

TEST_CASE("csv: Windows-1252 umlauts are detected and converted to UTF-8") {
  std::string text = "company;city\n\"M\xFCller & S\xF6hne\";D\xFCsseldorf\nGro\xDF \x80 AG;K\xF6ln\n";
  Reader reader(memory_source(text));
  Record r;
  REQUIRE(reader.next(r));
  REQUIRE(reader.next(r));
  CHECK(reader.encoding() == Encoding::windows1252);
  CHECK(r.fields[0] == "Müller & Söhne");
  CHECK(r.fields[1] == "Düsseldorf");
  CHECK(r.problems.empty());
  REQUIRE(reader.next(r));
  CHECK(r.fields[0] == "Groß € AG");

  // Detected lazily when the first chunk is all ASCII.
  std::string later = "a;b\n" + std::string(200, 'x') + ";y\nK\xF6ln;z\n";
  Options small;
  small.chunk_bytes = 32;
  auto rows = read_all(later, small);
  CHECK(rows[2].fields[0] == "Köln");

  // Given explicitly, and a byte Windows-1252 does not define.
  Options cp;
  cp.encoding = Encoding::windows1252;
  auto bad = read_all("a\nx\x81y\n", cp);
  REQUIRE(bad[1].problems.size() == 1);
  CHECK(bad[1].problems[0].column == 0);
}

TEST_CASE("csv: invalid UTF-8 and NUL bytes are problems of their record, with its line") {
  using namespace std::string_literals;
  std::string text = "a;b\nfine;\xC3\xA4\nbad;x\xC3(y\nnul;a\0b\nok;z\n"s;
  Reader reader(memory_source(text));
  Record r;
  REQUIRE(reader.next(r));
  REQUIRE(reader.next(r));
  CHECK(r.ok());
  REQUIRE(reader.next(r));
  CHECK(r.line == 3);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].column == 1);
  CHECK(r.problems[0].message.find("UTF-8") != std::string::npos);
  REQUIRE(reader.next(r));
  CHECK(r.line == 4);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message.find("NUL") != std::string::npos);
  REQUIRE(reader.next(r));
  CHECK(r.ok());
  CHECK(!reader.next(r));
}

TEST_CASE("csv: malformed quoting is reported and the reader carries on") {
  auto rows = read_all("a;b\n\"x\"y;z\nab\"c;d\nok;1\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].problems.size() == 1);
  CHECK(rows[1].problems[0].message.find("after its closing quote") != std::string::npos);
  CHECK(rows[2].problems.size() == 1);
  CHECK(rows[2].problems[0].message.find("quote inside an unquoted") != std::string::npos);
  CHECK(rows[3].ok());
  CHECK(rows[3].fields == Fields{"ok", "1"});

  auto open = read_all("a;b\n1;\"never closed\n2;3\n");
  REQUIRE(open.size() == 2);
  REQUIRE(open[1].problems.size() == 1);
  CHECK(open[1].problems[0].column == -1);
  CHECK(open[1].problems[0].message.find("line 2") != std::string::npos);
}

TEST_CASE("csv: header only, empty file, empty lines") {
  auto header = read_all("customer_no;company_name\n");
  CHECK(header.size() == 1);
  CHECK(read_all("").empty());
  CHECK(read_all("\xEF\xBB\xBF").empty());
  CHECK(read_all("\n\r\n\n").empty());
  auto gaps = read_all("a\n\n\nb\r\n\r\nc");
  REQUIRE(gaps.size() == 3);
  CHECK(gaps[1].line == 4);
  CHECK(gaps[2].line == 6);
  CHECK(gaps[2].offset == 9);
}

TEST_CASE("csv: a CR line end followed by a record that starts with the delimiter") {
  auto rows = read_chunked("a;b\r;x\n1;2\r\n3;4\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[1].fields == Fields{"", "x"});
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 3);
  CHECK(rows[3].line == 4);
}

TEST_CASE("csv: a 10 MB field is refused without holding it") {
  std::string big(10 * 1024 * 1024, 'x');
  std::string text = "a;b\n1;" + big + "\n2;ok\n";
  auto rows = read_all(text);
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[1].problems.size() == 1);
  CHECK(rows[1].problems[0].column == 1);
  CHECK(rows[1].problems[0].message.find("longer than") != std::string::npos);
  CHECK(rows[1].fields[1].size() == Options{}.max_field_bytes);
  CHECK(rows[1].length == big.size() + 3);
  CHECK(rows[2].fields == Fields{"2", "ok"});
  CHECK(rows[2].ok());

  std::string quoted = "a\n\"" + big + "\"\n";
  auto q = read_all(quoted);
  REQUIRE(q.size() == 2);
  CHECK(!q[1].ok());
}

TEST_CASE("csv: too many fields") {
  Options o;
  o.max_fields = 4;
  auto rows = read_all("a;b\n1;2;3;4;5;6\n", o);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields.size() == 4);
  CHECK(!rows[1].ok());
}

TEST_CASE("csv: reading from a stream") {
  std::istringstream in("x,y\r\n1,2\r\n");
  Reader reader(stream_source(in));
  Record r;
  REQUIRE(reader.next(r));
  REQUIRE(reader.next(r));
  CHECK(r.fields[1] == "2");
  CHECK(r.length == 5);
  CHECK(!reader.next(r));
  CHECK(reader.bytes_read() == 10);
}

TEST_CASE("csv: encoding names") {
  CHECK(parse_encoding("UTF-8") == Encoding::utf8);
  CHECK(parse_encoding("windows-1252") == Encoding::windows1252);
  CHECK(parse_encoding("cp1252") == Encoding::windows1252);
  CHECK_THROWS_AS(parse_encoding("latin9"), Error);
}

TEST_CASE("decode_only: the wanted columns are decoded and checked, the others are raw bytes") {
  Options o;
  o.encoding = Encoding::windows1252;
  // Field 1 has a Windows-1252 umlaut and field 2 a NUL byte; only field 0 is wanted.
  std::string bytes = std::string("k;name;x\n") + "M\xFC" "ller;K\xF6ln;a" + std::string(1, '\0') + "b\n";
  Reader reader(memory_source(bytes), o);
  Record r;
  REQUIRE(reader.next(r));  // the header: every column
  reader.decode_only(1);
  REQUIRE(reader.next(r));
  CHECK(r.fields[0] == "M\xC3\xBCller");
  CHECK(r.fields[1] == "K\xF6ln");  // as in the file
  CHECK(r.fields[2].size() == 3);
  CHECK(r.ok());  // the NUL byte is in a column nobody asked for
}

TEST_CASE("a UTF-8 sequence split by a delimiter is invalid in both fields, though the record's bytes are valid") {
  Options o;
  o.encoding = Encoding::utf8;
  // "ü" is C3 BC: here C3 ends the first field and BC starts the second (and an empty field
  // between them must not hide it either).
  for (std::string bytes : {std::string("k;v\na\xC3;\xBC" "b\n"), std::string("k;v;w\na\xC3;;\xBC" "b\n")}) {
    CAPTURE(bytes);
    auto rows = read_all(bytes, o);
    REQUIRE(rows.size() == 2);
    REQUIRE(rows[1].problems.size() == 2);
    CHECK(rows[1].problems[0].column == 0);
    CHECK(rows[1].problems[1].column == int(rows[1].fields.size()) - 1);
  }
}
