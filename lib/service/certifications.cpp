#include "service/certifications.hpp"

#include "core/error.hpp"
#include "domain/validate.hpp"
#include "service/audit.hpp"
#include "service/staff.hpp"

#include <fmt/ranges.h>

namespace vrathaus {
namespace {

using nlohmann::json;

json nullable(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

void check_certification_kind(const CityConfig& city, const std::string& kind, std::string_view field) {
  if (city.certification_validity_months.contains(kind)) return;
  std::vector<std::string> known;
  for (const auto& [k, months] : city.certification_validity_months) known.push_back(k);
  fail_field(field, "'{}' is not a certification kind (known: {}; see city.certifications)", kind, fmt::join(known, ", "));
}

json certification_json(const CertificationRow& r, const Date& today) {
  const auto& p = r.period;
  std::string status = p.revoked_on && *p.revoked_on <= today ? "revoked"
                       : valid_on(p, today)                   ? "valid"
                       : today < p.granted_on                 ? "pending"
                                                              : "expired";
  return {{"id", r.id},
          {"kind", p.kind},
          {"granted_on", p.granted_on.str()},
          {"valid_until", p.valid_until.str()},
          {"revoked", p.revoked_on.has_value()},
          {"revoked_on", p.revoked_on ? json(p.revoked_on->str()) : json(nullptr)},
          {"revoke_reason", nullable(r.revoke_reason)},
          {"trainer", nullable(r.trainer)},
          {"granted_by", r.granted_by},
          {"status", status}};
}

CertificationRow certify_staff(Context& ctx, const NewCertification& in) {
  auto staff = find_staff(ctx, in.staff);
  check_certification_kind(ctx.city, in.kind);
  if (ctx.actor.is_staff && ctx.actor.id == staff.id) fail(ErrorKind::forbidden, "nobody certifies themselves");
  if (!staff.active) fail(ErrorKind::conflict, "staff member {} is inactive", staff.id);
  if (staff.office.empty()) fail(ErrorKind::conflict, "{} is a service identity: only staff are certified", staff.id);

  CertificationRow row;
  row.staff = staff.id;
  row.period.kind = in.kind;
  row.period.granted_on = in.on.value_or(ctx.today());
  if (ctx.today() < row.period.granted_on)
    fail_field("on", "{} is in the future: a certification records training that has happened", row.period.granted_on.str());
  row.period.valid_until =
      in.valid_until.value_or(validity_end(row.period.granted_on, ctx.city.certification_validity_months.at(in.kind)));
  if (row.period.valid_until < row.period.granted_on)
    fail_field("valid_until", "{} is before the day it was granted ({})", row.period.valid_until.str(),
               row.period.granted_on.str());
  if (!in.trainer.empty()) {
    row.trainer = find_staff(ctx, in.trainer).id;
    if (row.trainer == staff.id) fail_field("trainer", "nobody trains themselves");
  }
  for (const auto& existing : load_certifications(ctx.db(), staff.id, in.kind))
    if (existing.period.granted_on == row.period.granted_on && !existing.period.revoked_on)
      fail(ErrorKind::conflict, "{} was already certified for {} on {}", staff.id, in.kind, row.period.granted_on.str());
  row.granted_by = ctx.actor.id;
  row.created_at = ctx.now();
  row.id = insert_certification(ctx.db(), row);
  audit_append(ctx, {"staff.certify", "staff:" + staff.id, nullptr, certification_json(row, ctx.today()), ""});
  return row;
}

CertificationRevoked revoke_certification(Context& ctx, const std::string& staff_id, const std::string& kind,
                                          const std::string& reason) {
  if (ctx.actor.is_staff && ctx.actor.id == staff_id) fail(ErrorKind::forbidden, "nobody changes their own certifications");
  auto staff = find_staff(ctx, staff_id);
  check_certification_kind(ctx.city, kind);
  auto why = validate_text(reason, "reason", 500);
  auto today = ctx.today();
  std::vector<CertificationRow> revoked;
  for (auto row : load_certifications(ctx.db(), staff.id, kind)) {
    if (row.period.revoked_on || row.period.valid_until < today) continue;  // history stays as it was
    auto before = certification_json(row, today);
    row.period.revoked_on = today;
    row.revoked_by = ctx.actor.id;
    row.revoked_at = ctx.now();
    row.revoke_reason = why;
    mark_certification_revoked(ctx.db(), row);
    audit_append(ctx, {"staff.revoke_cert", "staff:" + staff.id, before, certification_json(row, today), why});
    revoked.push_back(std::move(row));
  }
  if (revoked.empty()) fail(ErrorKind::conflict, "{} holds no current {} certification", staff.id, kind);
  return {std::move(revoked), reassign_upcoming_appointments_of(ctx, staff.id)};
}

}  // namespace vrathaus
