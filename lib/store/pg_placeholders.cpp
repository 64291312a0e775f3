#include "store/pg_placeholders.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cctype>

namespace vrathaus {
namespace {

constexpr int kMaxParameters = 32767;

bool is_identifier_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Walks the statement once, copying it to `out` and replacing placeholders.
class Rewriter {
public:
  explicit Rewriter(std::string_view sql) : in_(sql) { result_.sql.reserve(sql.size() + 8); }

  PgStatementText run() {
    while (at_ < in_.size()) step();
    number_used_parameters();
    return std::move(result_);
  }

private:
  void step() {
    char c = in_[at_];
    if (c == '\'') return quoted('\'', starts_escape_string());
    if (c == '"') return quoted('"', false);
    if (c == '-' && next_is('-')) return copy_until_after("\n");
    if (c == '/' && next_is('*')) return block_comment();
    if (c == '$' && dollar_quote()) return;
    if (c == ':' && next_is(':')) return copy(2);
    if (c == ':' && at_ + 1 < in_.size() && is_identifier_start(in_[at_ + 1])) return named();
    if (c == '?') return numbered();
    copy(1);
  }

  bool next_is(char c) const { return at_ + 1 < in_.size() && in_[at_ + 1] == c; }

  void copy(std::size_t n) {
    n = std::min(n, in_.size() - at_);
    result_.sql.append(in_.substr(at_, n));
    at_ += n;
  }

  void copy_until_after(std::string_view end) {
    auto found = in_.find(end, at_ + 1);
    copy(found == std::string_view::npos ? in_.size() - at_ : found + end.size() - at_);
  }

  // E'…' (PostgreSQL's escape string): a backslash escapes the next character.
  bool starts_escape_string() const {
    if (at_ == 0 || (in_[at_ - 1] != 'E' && in_[at_ - 1] != 'e')) return false;
    return at_ == 1 || !is_identifier_char(in_[at_ - 2]);
  }

  // '…' or "…", where a doubled quote stands for itself.
  void quoted(char quote, bool backslash_escapes) {
    copy(1);
    while (at_ < in_.size()) {
      char c = in_[at_];
      if (backslash_escapes && c == '\\') {
        copy(2);
      } else if (c == quote && next_is(quote)) {
        copy(2);
      } else if (c == quote) {
        copy(1);
        return;
      } else {
        copy(1);
      }
    }
  }

  // PostgreSQL's block comments nest.
  void block_comment() {
    int depth = 0;
    do {
      if (in_.substr(at_).starts_with("/*")) {
        ++depth;
        copy(2);
      } else if (in_.substr(at_).starts_with("*/")) {
        --depth;
        copy(2);
      } else {
        copy(1);
      }
    } while (depth > 0 && at_ < in_.size());
  }

  // $tag$…$tag$ with an empty or identifier tag; `$1` is not one.
  bool dollar_quote() {
    std::size_t end = at_ + 1;
    if (end < in_.size() && is_identifier_start(in_[end]))
      while (end < in_.size() && is_identifier_char(in_[end])) ++end;
    if (end >= in_.size() || in_[end] != '$') return false;
    std::string_view tag = in_.substr(at_, end + 1 - at_);
    auto close = in_.find(tag, end + 1);
    copy(close == std::string_view::npos ? in_.size() - at_ : close + tag.size() - at_);
    return true;
  }

  void named() {
    std::size_t end = at_ + 1;
    while (end < in_.size() && is_identifier_char(in_[end])) ++end;
    std::string name(in_.substr(at_, end - at_));
    at_ = end;
    int index = result_.index_of(name);
    if (index == 0) {
      index = next_index();
      result_.names.emplace_back(std::move(name), index);
    }
    emit(index);
  }

  void numbered() {
    std::size_t end = at_ + 1;
    while (end < in_.size() && is_digit(in_[end])) ++end;
    std::string_view digits = in_.substr(at_ + 1, end - at_ - 1);
    at_ = end;
    if (digits.empty()) return emit(next_index());
    if (digits.size() > 5) fail(ErrorKind::internal, "SQL parameter ?{} is out of range", digits);
    int index = std::stoi(std::string(digits));
    if (index < 1 || index > kMaxParameters) fail(ErrorKind::internal, "SQL parameter ?{} is out of range", index);
    emit(index);
  }

  int next_index() {
    if (result_.parameters >= kMaxParameters) fail(ErrorKind::internal, "an SQL statement has too many parameters");
    return result_.parameters + 1;
  }

  // Placeholders are written once every index is known (number_used_parameters).
  void emit(int index) {
    result_.parameters = std::max(result_.parameters, index);
    placeholders_.push_back({result_.sql.size(), index});
  }

  void number_used_parameters() {
    std::vector<int> number(static_cast<std::size_t>(result_.parameters) + 1, 0);
    for (const auto& p : placeholders_) number[static_cast<std::size_t>(p.index)] = 1;
    for (int index = 1; index <= result_.parameters; ++index) {
      if (number[static_cast<std::size_t>(index)] == 0) continue;
      result_.slots.push_back(index);
      number[static_cast<std::size_t>(index)] = static_cast<int>(result_.slots.size());
    }
    std::string sql;
    sql.reserve(result_.sql.size() + placeholders_.size() * 3);
    std::size_t copied = 0;
    for (const auto& p : placeholders_) {
      sql.append(result_.sql, copied, p.offset - copied);
      sql += '$';
      sql += std::to_string(number[static_cast<std::size_t>(p.index)]);
      copied = p.offset;
    }
    sql.append(result_.sql, copied);
    result_.sql = std::move(sql);
  }

  struct Placeholder {
    std::size_t offset;  // where it goes in result_.sql as written so far
    int index;           // SQLite's index
  };
  std::vector<Placeholder> placeholders_;

  std::string_view in_;
  std::size_t at_ = 0;
  PgStatementText result_;
};

}  // namespace

int PgStatementText::index_of(std::string_view name) const {
  for (const auto& [known, index] : names)
    if (known == name) return index;
  return 0;
}

PgStatementText rewrite_placeholders(std::string_view sql) { return Rewriter(sql).run(); }

}  // namespace vrathaus
