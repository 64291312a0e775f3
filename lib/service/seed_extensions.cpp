#include "service/seed_extensions.hpp"

#include "core/error.hpp"
#include "service/absences.hpp"
#include "service/certifications.hpp"
#include "store/presence_rows.hpp"

namespace vrathaus {
namespace {

using yaml::Where;

// A service refusal (unknown kind, a date in the future…) names the seed line it came from.
template <typename Work>
void at_line(const Where& where, const YAML::Node& node, Work work) {
  try {
    work();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::config) throw;
    auto mark = node.Mark();
    std::string at = where.origin + (mark.is_null() ? "" : ":" + std::to_string(mark.line + 1));
    throw Error(e.kind(), at + ": " + where.path + ": " + e.what(), e.field());
  }
}

bool already_granted(Context& ctx, const std::string& staff, const std::string& kind, const Date& on) {
  for (const auto& row : load_certifications(ctx.db(), staff, kind))
    if (row.period.granted_on == on && !row.period.revoked_on) return true;
  return false;
}

int seed_certifications(Context& ctx, const std::string& staff, const YAML::Node& node, const Where& w) {
  yaml::expect_sequence(node, w);
  int added = 0;
  for (std::size_t i = 0; i < node.size(); ++i) {
    auto cw = w.index(i);
    yaml::expect_map(node[i], cw, {"kind", "on", "valid_until", "trainer"});
    if (!node[i]["kind"] || !node[i]["on"]) yaml::config_error(cw, node[i], "a certification needs kind and on");
    NewCertification c;
    c.staff = staff;
    c.kind = yaml::read_string(node[i]["kind"], cw.child("kind"));
    c.on = yaml::read_date(node[i]["on"], cw.child("on"));
    if (node[i]["valid_until"]) c.valid_until = yaml::read_date(node[i]["valid_until"], cw.child("valid_until"));
    if (node[i]["trainer"]) c.trainer = yaml::read_string(node[i]["trainer"], cw.child("trainer"));
    // Seeding twice adds nothing: a grant on the same day is the same certification.
    if (already_granted(ctx, staff, c.kind, *c.on)) continue;
    at_line(cw, node[i], [&] {
      check_certification_kind(ctx.city, c.kind, "kind");
      certify_staff(ctx, c);
    });
    ++added;
  }
  return added;
}

int seed_absences(Context& ctx, const std::string& staff, const YAML::Node& node, const Where& w) {
  yaml::expect_sequence(node, w);
  int added = 0;
  for (std::size_t i = 0; i < node.size(); ++i) {
    auto aw = w.index(i);
    yaml::expect_map(node[i], aw, {"from", "to", "reason"});
    if (!node[i]["from"] || !node[i]["to"]) yaml::config_error(aw, node[i], "an absence needs from and to");
    NewAbsence a;
    a.staff = staff;
    a.from = yaml::read_date(node[i]["from"], aw.child("from"));
    a.to = yaml::read_date(node[i]["to"], aw.child("to"));
    if (node[i]["reason"]) a.reason = yaml::read_string(node[i]["reason"], aw.child("reason"));
    at_line(aw, node[i], [&] { added += add_absence(ctx, a).changed ? 1 : 0; });
  }
  return added;
}

}  // namespace

void seed_staff_extensions(Context& ctx, const std::string& staff_id, const YAML::Node& entry, const yaml::Where& where,
                           nlohmann::json& report) {
  // Through the services, so a seed is validated and audited like the same commands would be.
  if (entry["certifications"]) {
    int n = seed_certifications(ctx, staff_id, entry["certifications"], where.child("certifications"));
    report["certifications_added"] = report.value("certifications_added", 0) + n;
  }
  if (entry["absences"]) {
    int n = seed_absences(ctx, staff_id, entry["absences"], where.child("absences"));
    report["absences_added"] = report.value("absences_added", 0) + n;
  }
}

}  // namespace vrathaus
