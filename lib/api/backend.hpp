#pragma once
// The one interface the CLI calls. Two implementations: LocalBackend runs the operations
// in-process on the SQLite store; RemoteBackend sends them to a `vrathaus serve`, which runs the
// very same operations. The CLI cannot tell them apart, and so neither can its output.
#include "core/progress.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

class Backend {
public:
  virtual ~Backend() = default;
  // Runs the named operation. Lists come back whole ({"items": [...]}) unless params has "limit".
  virtual nlohmann::json call(const std::string& operation, const nlohmann::json& params) = 0;
  // Runs an operation whose input is a file (bulk import): read in place locally, streamed remotely.
  virtual nlohmann::json call_with_file(const std::string& operation, const nlohmann::json& params,
                                        const std::string& file) = 0;
  virtual bool is_remote() const = 0;
  // Where long operations report how far they got (the CLI draws a bar); default: nowhere.
  void set_progress(ProgressFn progress) { progress_ = std::move(progress); }

protected:
  ProgressFn progress_;
};

}  // namespace vrathaus
