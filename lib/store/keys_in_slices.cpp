#include "store/keys_in_slices.hpp"

namespace vrathaus {
namespace {

std::string with_placeholders(std::string_view before, std::string_view after, std::size_t slice) {
  std::string sql(before);
  sql += '(';
  for (std::size_t i = 0; i < slice; ++i) sql += i ? ", ?" : "?";
  sql += ')';
  sql += after;
  return sql;
}

}  // namespace

KeysInSlices::KeysInSlices(sql::Connection& db, std::string_view before, std::string_view after, int leading,
                           std::size_t slice)
    : slice_(slice), q_(db, with_placeholders(before, after, slice)), leading_(leading) {}

void KeysInSlices::run(std::span<const std::string> keys, const std::function<void(sql::Statement&)>& row) {
  for (std::size_t start = 0; start < keys.size(); start += slice_) {
    auto slice = keys.subspan(start, std::min(slice_, keys.size() - start));
    q_.reset();
    for (std::size_t i = 0; i < slice_; ++i) {
      if (i < slice.size())
        q_.bindNoCopy(leading_ + int(i + 1), slice[i]);
      else
        q_.bind(leading_ + int(i + 1));
    }
    while (q_.executeStep()) row(q_);
    q_.reset();  // no read cursor left open across a commit
  }
}

}  // namespace vrathaus
