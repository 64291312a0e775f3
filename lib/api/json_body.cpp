#include "api/json_body.hpp"

#include "core/error.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

// A SAX pass that only counts nesting and stops at the first level too deep: nothing is built,
// so a hostile document costs one linear scan and no memory.
class DepthCheck final : public json::json_sax_t {
public:
  explicit DepthCheck(int max_depth) : max_depth_(max_depth) {}
  bool too_deep = false;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(json::number_integer_t) override { return true; }
  bool number_unsigned(json::number_unsigned_t) override { return true; }
  bool number_float(json::number_float_t, const json::string_t&) override { return true; }
  bool string(json::string_t&) override { return true; }
  bool binary(json::binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool key(json::string_t&) override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
  bool enter() {
    if (++depth_ > max_depth_) too_deep = true;
    return !too_deep;
  }
  bool leave() {
    --depth_;
    return true;
  }
  int max_depth_;
  int depth_ = 0;
};

}  // namespace

json parse_json_object(std::string_view body, int max_depth) {
  DepthCheck check(max_depth);
  bool well_formed = json::sax_parse(body, &check, json::input_format_t::json, true);
  if (check.too_deep) fail(ErrorKind::usage, "the request body is nested deeper than {} levels", max_depth);
  if (!well_formed) fail(ErrorKind::usage, "the request body is not a JSON object");
  auto parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) fail(ErrorKind::usage, "the request body is not a JSON object");
  return parsed;
}

}  // namespace vrathaus
