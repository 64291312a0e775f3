#include "core/error.hpp"
#include "store/pg_placeholders.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {
std::string rewritten(std::string_view sql) { return rewrite_placeholders(sql).sql; }
}  // namespace

TEST_CASE("placeholders: ? is numbered in order, ?N keeps its number") {
  CHECK(rewritten("SELECT * FROM t WHERE a = ? AND b = ?") == "SELECT * FROM t WHERE a = $1 AND b = $2");
  CHECK(rewritten("VALUES (?2, ?1, ?2)") == "VALUES ($2, $1, $2)");
  // SQLite's rule: a bare ? takes the largest index so far plus one.
  CHECK(rewritten("VALUES (?3, ?, ?1, ?)") == "VALUES ($2, $3, $1, $4)");
  CHECK(rewrite_placeholders("VALUES (?3, ?)").parameters == 4);
  CHECK(rewrite_placeholders("SELECT 1").parameters == 0);
}

TEST_CASE("placeholders: an index the statement leaves out takes no PostgreSQL parameter") {
  // One bind helper for an INSERT (?1…?8) and an UPDATE that skips ?6: PostgreSQL cannot type an
  // unused $6, so the used indexes are numbered densely and `slots` maps them back.
  auto text = rewrite_placeholders("UPDATE staff SET name=?2, office=?3, updated_at=?7, birth_date=?8 WHERE id=?1");
  CHECK(text.sql == "UPDATE staff SET name=$2, office=$3, updated_at=$4, birth_date=$5 WHERE id=$1");
  CHECK(text.parameters == 8);
  CHECK(text.slots == std::vector<int>{1, 2, 3, 7, 8});
  CHECK(rewrite_placeholders("SELECT ?2").slots == std::vector<int>{2});
  CHECK(rewrite_placeholders("SELECT 1").slots.empty());
}

TEST_CASE("placeholders: :name takes one index wherever it is repeated") {
  auto text = rewrite_placeholders("SELECT * FROM p WHERE valid_until < :day AND ? > 0 AND valid_from <= :day OR :x");
  CHECK(text.sql == "SELECT * FROM p WHERE valid_until < $1 AND $2 > 0 AND valid_from <= $1 OR $3");
  CHECK(text.parameters == 3);
  CHECK(text.index_of(":day") == 1);
  CHECK(text.index_of(":x") == 3);
  CHECK(text.index_of(":absent") == 0);
}

TEST_CASE("placeholders: literals, quoted identifiers, comments and casts are left alone") {
  CHECK(rewritten("SELECT '?', 'it''s :a ?', ? FROM t") == "SELECT '?', 'it''s :a ?', $1 FROM t");
  CHECK(rewritten(R"(SELECT E'\' ?', ?)") == R"(SELECT E'\' ?', $1)");
  // Outside an E'' string a backslash is an ordinary character.
  CHECK(rewritten(R"(SELECT '\', ?)") == R"(SELECT '\', $1)");
  CHECK(rewritten(R"(SELECT "col?:x" FROM "we""ird?" WHERE a = ?)") == R"(SELECT "col?:x" FROM "we""ird?" WHERE a = $1)");
  CHECK(rewritten("SELECT ? -- a comment with ? and :name\n, ?") == "SELECT $1 -- a comment with ? and :name\n, $2");
  CHECK(rewritten("SELECT /* ? /* nested ? */ :n */ ?") == "SELECT /* ? /* nested ? */ :n */ $1");
  CHECK(rewritten("SELECT ?::bigint, x::text, :v::date") == "SELECT $1::bigint, x::text, $2::date");
  CHECK(rewritten("SELECT $$ ? :x $$, $tag$ ' ? $tag$, ?") == "SELECT $$ ? :x $$, $tag$ ' ? $tag$, $1");
  // Already PostgreSQL's positional parameters: not a dollar quote.
  CHECK(rewritten("SELECT $1, $2") == "SELECT $1, $2");
}

TEST_CASE("placeholders: an unterminated literal or comment is copied to the end") {
  CHECK(rewritten("SELECT 'open ?") == "SELECT 'open ?");
  CHECK(rewritten("SELECT ? /* open") == "SELECT $1 /* open");
  CHECK(rewritten("SELECT ? -- open") == "SELECT $1 -- open");
  CHECK(rewritten("SELECT $x$ open ?") == "SELECT $x$ open ?");
}

TEST_CASE("placeholders: an index out of PostgreSQL's range is refused") {
  CHECK_THROWS_AS(rewrite_placeholders("SELECT ?0"), Error);
  CHECK_THROWS_AS(rewrite_placeholders("SELECT ?32768"), Error);
  CHECK_THROWS_AS(rewrite_placeholders("SELECT ?1234567"), Error);
  CHECK(rewritten("SELECT ?32767") == "SELECT $1");
  CHECK(rewrite_placeholders("SELECT ?32767").slots == std::vector<int>{32767});
}
