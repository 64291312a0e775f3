#include "store/pg_statement_kind.hpp"

#include <cctype>
#include <string>

namespace vrathaus {
namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string upper(std::string_view word) {
  std::string out(word);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool statement_changes_rows(std::string_view sql) {
  int depth = 0;
  // A statement in parentheses as a whole, "(DELETE …)", is at depth 1: what counts is the depth
  // of the first word, not zero.
  int main_depth = -1;
  for (std::size_t at = 0; at < sql.size();) {
    char c = sql[at];
    if (c == '\'' || c == '"') {  // a literal or a quoted identifier; a doubled quote stays inside
      auto end = at + 1;
      while (end < sql.size() && !(sql[end] == c && (end + 1 >= sql.size() || sql[end + 1] != c)))
        end += sql[end] == c ? 2 : 1;
      at = end + 1;
    } else if (c == '-' && at + 1 < sql.size() && sql[at + 1] == '-') {
      auto end = sql.find('\n', at);
      at = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (c == '/' && at + 1 < sql.size() && sql[at + 1] == '*') {
      auto end = sql.find("*/", at + 2);
      at = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (c == '(' || c == ')') {
      depth += c == '(' ? 1 : -1;
      ++at;
    } else if (is_word_char(c)) {
      auto end = at;
      while (end < sql.size() && is_word_char(sql[end])) ++end;
      if (main_depth < 0) main_depth = depth;
      if (depth == main_depth) {
        auto word = upper(sql.substr(at, end - at));
        if (word == "INSERT" || word == "UPDATE" || word == "DELETE" || word == "MERGE") return true;
        if (word == "SELECT" || word == "VALUES" || word == "TABLE") return false;
      }
      at = end;
    } else {
      ++at;
    }
  }
  return false;
}

}  // namespace vrathaus
