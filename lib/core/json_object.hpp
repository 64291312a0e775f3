#pragma once
// Builds a JSON object member by member, for reports of many rows (the renewal run's 100,000
// renewed permits). nlohmann's initializer-list constructor first makes a [key, value] array
// per member, checks them all and copies them into the object; here each member is moved
// straight into the map, and added in ascending key order it lands at the end without a search.
#include <nlohmann/json.hpp>

#include <string_view>
#include <utility>

namespace vrathaus {

class JsonObject {
public:
  // Members in any order are correct; in ascending key order they are cheapest.
  template <class T>
  JsonObject& add(std::string_view key, T&& value) {
    members_.emplace_hint(members_.end(), key, std::forward<T>(value));
    return *this;
  }
  nlohmann::json take() { return nlohmann::json(std::move(members_)); }

private:
  nlohmann::json::object_t members_;
};

}  // namespace vrathaus
