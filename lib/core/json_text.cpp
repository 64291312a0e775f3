#include "core/json_text.hpp"

#include <charconv>
#include <string>
#include <string_view>

namespace vrathaus {
namespace {

using nlohmann::json;

class Writer {
public:
  Writer(std::ostream& out, int indent) : out_(out), step_(std::size_t(indent)) { buffer_.reserve(kFlushAt + 4096); }
  ~Writer() { flush(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void value(const json& v, std::size_t depth) {
    switch (v.type()) {
      case json::value_t::object:
        if (v.empty()) return put("{}");
        put("{\n");
        for (auto it = v.begin(); it != v.end(); ++it) {
          if (it != v.begin()) put(",\n");
          indent(depth + 1);
          string(it.key());
          put(": ");
          value(it.value(), depth + 1);
        }
        put("\n");
        indent(depth);
        return put("}");
      case json::value_t::array:
        if (v.empty()) return put("[]");
        put("[\n");
        for (std::size_t i = 0; i < v.size(); ++i) {
          if (i) put(",\n");
          indent(depth + 1);
          value(v[i], depth + 1);
        }
        put("\n");
        indent(depth);
        return put("]");
      case json::value_t::string:
        return string(v.get_ref<const std::string&>());
      case json::value_t::number_integer:
        return integer(v.get<std::int64_t>());
      case json::value_t::number_unsigned:
        return integer(v.get<std::uint64_t>());
      case json::value_t::boolean:
        return put(v.get<bool>() ? "true" : "false");
      case json::value_t::null:
        return put("null");
      default:  // floats: nlohmann's own text (binary values, from CBOR only, never occur in results)
        return put(v.dump(int(step_)));
    }
  }

private:
  static constexpr std::size_t kFlushAt = 1 << 16;

  void put(std::string_view s) {
    buffer_ += s;
    if (buffer_.size() >= kFlushAt) flush();
  }
  void flush() {
    out_.write(buffer_.data(), std::streamsize(buffer_.size()));
    buffer_.clear();
  }
  void indent(std::size_t depth) { buffer_.append(depth * step_, ' '); }

  template <typename Int>
  void integer(Int n) {
    char digits[24];
    auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    put(std::string_view(digits, std::size_t(end - digits)));
  }

  void string(const std::string& s) {
    for (unsigned char c : s)
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') return put(json(s).dump());
    buffer_ += '"';
    buffer_ += s;
    put("\"");
  }

  std::ostream& out_;
  std::size_t step_;
  std::string buffer_;
};

}  // namespace

void write_json(std::ostream& out, const json& value, int indent) { Writer(out, indent).value(value, 0); }

}  // namespace vrathaus
