#include "server/http_target.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace vrathaus {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) fail(ErrorKind::usage, "the request target has a malformed percent-encoding");
      out += char(hi * 16 + lo);
      i += 2;
    } else {
      out += plus_is_space && c == '+' ? ' ' : c;
    }
  }
  // Everything decoded ends up in JSON (parameters, the access log), which holds only UTF-8.
  if (!is_valid_utf8(out)) fail(ErrorKind::usage, "the request target is not UTF-8 after percent-decoding");
  return out;
}

}  // namespace

std::string_view target_path(std::string_view target) { return target.substr(0, target.find('?')); }

RequestTarget parse_target(std::string_view target) {
  if (target.empty() || target.front() != '/') fail(ErrorKind::usage, "the request target must be an absolute path");
  RequestTarget out;
  auto path = target_path(target);
  for (std::size_t start = 1;;) {
    auto slash = path.find('/', start);
    out.segments.push_back(decode(path.substr(start, slash - start), false));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (path.size() < target.size()) {
    auto query = target.substr(path.size() + 1);
    for (std::size_t start = 0; start <= query.size();) {
      auto amp = query.find('&', start);
      auto item = query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
      if (!item.empty()) {
        auto eq = item.find('=');
        out.query.emplace_back(decode(item.substr(0, eq), true),
                               eq == std::string_view::npos ? std::string() : decode(item.substr(eq + 1), true));
      }
      if (amp == std::string_view::npos) break;
      start = amp + 1;
    }
  }
  return out;
}

}  // namespace vrathaus
