// `vrathaus version` and `vrathaus completion SHELL`.
#include "api/openapi.hpp"
#include "common.hpp"
#include "store/store.hpp"

#include <iostream>
#include <memory>
#include <sstream>

namespace vrathaus::cli {
namespace {

// Words a shell may complete after each command path ("" is the top level).
void collect(const CLI::App* app, const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
  std::string words;
  for (const auto* sub : app->get_subcommands({})) words += sub->get_name() + " ";
  for (const auto* opt : app->get_options()) {
    for (const auto& l : opt->get_lnames()) words += "--" + l + " ";
  }
  out.emplace_back(path, words);
  for (const auto* sub : app->get_subcommands({})) collect(sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

std::string completion_script(const CLI::App& root, const std::string& shell) {
  std::vector<std::pair<std::string, std::string>> table;
  collect(&root, "", table);
  std::ostringstream s;
  if (shell == "bash" || shell == "zsh") {
    if (shell == "zsh") s << "autoload -U +X bashcompinit && bashcompinit\n";
    s << "_vrathaus() {\n  local path=\"\" w\n  for w in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n"
         "    case \"$w\" in -*) ;; *) path=\"${path:+$path }$w\";; esac\n  done\n  local words\n  case \"$path\" in\n";
    for (const auto& [path, words] : table) s << "    \"" << path << "\") words=\"" << words << "\";;\n";
    s << "  esac\n  COMPREPLY=($(compgen -W \"$words\" -- \"${COMP_WORDS[COMP_CWORD]}\"))\n}\n"
         "complete -o default -F _vrathaus vrathaus\n";
  } else {
    for (const auto& [path, words] : table) {
      if (path.find(' ') != std::string::npos) continue;
      std::istringstream split(words);
      for (std::string w; split >> w;) {
        if (w.rfind("--", 0) == 0) continue;
        s << "complete -c vrathaus -f -n '" << (path.empty() ? "__fish_use_subcommand" : "__fish_seen_subcommand_from " + path)
          << "' -a " << w << "\n";
      }
    }
  }
  return s.str();
}

}  // namespace

void add_misc_commands(CLI::App& app, Session& session) {
  app.add_subcommand("version", "Print the version")->callback([&session] {
    nlohmann::json v{{"version", VRATHAUS_VERSION}, {"schema_version", Store::latest_schema_version()}};
    if (session.options.output.empty() && !std::getenv("VRATHAUS_OUTPUT"))
      std::cout << "vrathaus " << VRATHAUS_VERSION << " (store schema " << Store::latest_schema_version() << ")\n";
    else
      print_result(session, v);
  });

  app.add_subcommand("openapi", "Print the OpenAPI 3 document of the REST API (docs/openapi.json)")->callback([] {
    std::cout << openapi_document().dump(2) << "\n";
  });

  auto shell = std::make_shared<std::string>();
  auto* completion = app.add_subcommand("completion", "Print a shell completion script");
  completion->add_option("shell", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  examples(completion, "  vrathaus completion bash > /etc/bash_completion.d/vrathaus");
  completion->callback([&app, shell] { std::cout << completion_script(app, *shell); });
}

}  // namespace vrathaus::cli
