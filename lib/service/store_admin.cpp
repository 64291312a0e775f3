#include "service/store_admin.hpp"

#include "config/yaml_reader.hpp"
#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/audit_seal.hpp"
#include "service/document_key.hpp"
#include "service/offices.hpp"
#include "service/seed_extensions.hpp"
#include "service/staff.hpp"
#include "store/store_checks.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;
using yaml::Where;

// A record of the seed file refused by a service (an unknown office, a bad role) is named by the
// file, line and path of its entry: the service's own message does not know where it came from.
template <typename Work>
void seed_entry(const Where& where, const YAML::Node& node, Work work) {
  try {
    work();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::config || e.kind() == ErrorKind::busy || e.kind() == ErrorKind::internal) throw;
    yaml::config_error(where, node, e.what());
  }
}

int seed_offices(Context& ctx, const YAML::Node& node, const Where& w) {
  yaml::expect_sequence(node, w);
  int added = 0;
  for (std::size_t i = 0; i < node.size(); ++i) {
    auto ow = w.index(i);
    yaml::expect_map(node[i], ow, {"code", "name", "min_certified"});
    if (!node[i]["code"] || !node[i]["name"]) yaml::config_error(ow, node[i], "an office needs code and name");
    auto code = yaml::read_string(node[i]["code"], ow.child("code"));
    if (load_office(ctx.db(), code)) continue;
    int min = node[i]["min_certified"] ? int(yaml::read_int(node[i]["min_certified"], ow.child("min_certified"), 0, 1000)) : 2;
    seed_entry(ow, node[i], [&] { add_office(ctx, code, yaml::read_string(node[i]["name"], ow.child("name")), min); });
    ++added;
  }
  return added;
}

int seed_staff(Context& ctx, const YAML::Node& node, const Where& w, json& report) {
  yaml::expect_sequence(node, w);
  int added = 0;
  for (std::size_t i = 0; i < node.size(); ++i) {
    auto sw = w.index(i);
    yaml::expect_map(node[i], sw, {"id", "name", "office", "roles", "birth_date", "certifications", "absences"});
    if (!node[i]["id"] || !node[i]["name"]) yaml::config_error(sw, node[i], "a staff member needs id and name");
    NewStaff s;
    s.id = yaml::read_string(node[i]["id"], sw.child("id"));
    s.name = yaml::read_string(node[i]["name"], sw.child("name"));
    if (node[i]["office"]) s.office = yaml::read_string(node[i]["office"], sw.child("office"));
    if (node[i]["roles"]) s.roles = yaml::read_strings(node[i]["roles"], sw.child("roles"));
    if (node[i]["birth_date"]) s.birth_date = yaml::read_date(node[i]["birth_date"], sw.child("birth_date")).str();
    seed_entry(sw, node[i], [&] {
      if (!load_staff(ctx.db(), s.id)) {
        add_staff(ctx, s);
        ++added;
      }
      seed_staff_extensions(ctx, s.id, node[i], sw, report);
    });
  }
  return added;
}

}  // namespace

json apply_seed(Context& ctx, const std::string& seed_file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(seed_file);
  } catch (const YAML::BadFile&) {
    fail(ErrorKind::not_found, "cannot read the seed file {}", seed_file);
  } catch (const YAML::Exception& e) {
    fail(ErrorKind::invalid, "{}:{}: not valid YAML: {}", seed_file, e.mark.line + 1, e.msg);
  }
  Where top{seed_file, ""};
  json report{{"offices_added", 0}, {"staff_added", 0}};
  if (!root || root.IsNull()) return report;
  try {
    yaml::expect_map(root, top, {"offices", "staff"});
    if (root["offices"]) report["offices_added"] = seed_offices(ctx, root["offices"], top.child("offices"));
    if (root["staff"]) report["staff_added"] = seed_staff(ctx, root["staff"], top.child("staff"), report);
  } catch (const Error& e) {
    // A seed file is input data, not the tool's configuration: its errors are exit 5.
    if (e.kind() == ErrorKind::config) throw Error(ErrorKind::invalid, e.what());
    throw;
  }
  return report;
}

json check_store(Context& ctx) {
  auto& store = ctx.store;
  auto engine = run_engine_checks(store.db());
  json integrity = engine.integrity, foreign = json::array();
  for (const auto& p : engine.foreign_keys)
    foreign.push_back({{"table", p.table}, {"rowid", p.rowid ? json(*p.rowid) : json(nullptr)}, {"parent", p.parent}});
  auto audit = audit_verify(store);
  auto key = inspect_document_key(ctx);
  auto sealing = sealing_status(store);
  bool ok = integrity.empty() && foreign.empty() && audit["ok"].get<bool>() && key["ok"].get<bool>();
  json warnings = json::array();
  if (!sealing["set_up"].get<bool>()) warnings.push_back(sealing["problem"]);
  if (key.contains("problem") && key["ok"].get<bool>()) warnings.push_back(key["problem"]);
  return {{"ok", ok},         {"schema_version", store.schema_version()}, {"integrity", integrity},
          {"foreign_keys", foreign}, {"audit", audit}, {"document_key", key}, {"audit_sealing", sealing},
          {"warnings", warnings}, {"engine", store.engine_name()},
          {"engine_checks", {{"ran", engine.checked}, {"left_to_the_engine", engine.not_checked}}}};
}

}  // namespace vrathaus
