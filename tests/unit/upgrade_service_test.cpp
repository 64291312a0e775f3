// The upgrade rules against a real (temporary) store: who may act, the evidence, own accounts,
// four-eyes, online ID, state rules, locked fields, and what is (not) stored.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/absences.hpp"
#include "service/accounts.hpp"
#include "service/certifications.hpp"
#include "service/offices.hpp"
#include "service/own_accounts.hpp"
#include "service/staff.hpp"
#include "service/upgrades.hpp"
#include "store/store.hpp"
#include "temp_store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

using namespace vrathaus;
namespace fs = std::filesystem;

namespace {

// Innenstadt with s.kruse (supervisor; identity-check, authority-accounts), m.weber (identity-
// check), k.schulz (both), j.neumann (untrained), b.brandt (certified, on holiday) and the
// portal. The clock stands on Wednesday 2026-11-25.
struct Fixture : test::TempStore {
  Fixture() {
    auto admin = as_local();
    add_office(admin, "innenstadt", "Bürgerdienste Innenstadt", 4);
    add_staff(admin, {"s.kruse", "Sabine Kruse", "innenstadt", {"clerk", "supervisor"}});
    add_staff(admin, {"m.weber", "Michael Weber", "innenstadt", {"clerk"}});
    add_staff(admin, {"k.schulz", "Katrin Schulz", "innenstadt", {"clerk"}});
    add_staff(admin, {"j.neumann", "Jonas Neumann", "innenstadt", {"clerk"}});
    add_staff(admin, {"b.brandt", "Birgit Brandt", "innenstadt", {"clerk"}});
    add_staff(admin, {"portal", "Portal", "", {"portal"}});
    for (auto [staff, kind] : {std::pair{"s.kruse", "identity-check"}, std::pair{"s.kruse", "authority-accounts"},
                               std::pair{"m.weber", "identity-check"}, std::pair{"k.schulz", "identity-check"},
                               std::pair{"k.schulz", "authority-accounts"}, std::pair{"b.brandt", "identity-check"}})
      certify_staff(admin, {staff, kind, Date(2026, 1, 5), std::nullopt, ""});
    add_absence(admin, {"b.brandt", Date(2026, 11, 23), Date(2026, 12, 4), "holiday"});
  }
  std::int64_t person(const std::string& login, const std::string& given, const std::string& family) {
    auto ctx = as("m.weber");
    return create_account(ctx, {login, {{"given_name", given}, {"family_name", family}, {"birth_date", "1984-03-12"}}})
        .account.id;
  }
  std::int64_t organisation(const std::string& login, const std::string& name) {
    auto ctx = as("m.weber");
    return create_account(ctx, {login, {{"company_name", name}}}).account.id;
  }
  Account account(std::int64_t id) {
    auto ctx = as_local();
    return find_account(ctx, std::to_string(id));
  }
  std::string dump() {
    std::string all;
    for (auto table : {"upgrades", "audit", "accounts", "eid_pseudonyms", "idempotency"}) {
      sql::Statement q(store->db(), std::string("SELECT * FROM ") + table);
      while (q.executeStep())
        for (int i = 0; i < q.getColumnCount(); ++i) all += q.getColumn(i).getString() + "|";
    }
    return all;
  }
};

PerformUpgrade at_counter(std::int64_t account, const std::string& tier = "private") {
  PerformUpgrade in;
  in.account = std::to_string(account);
  in.tier = tier;
  in.office = "innenstadt";
  in.document_type = "id-card";
  in.document_number = "L01X00T47";
  in.document_expiry = Date(2031, 5, 31);
  return in;
}

PerformUpgrade online(std::int64_t account, const std::string& pseudonym) {
  PerformUpgrade in;
  in.account = std::to_string(account);
  in.tier = "private";
  in.method = "online-id";
  in.eid_pseudonym = pseudonym;
  return in;
}

ErrorKind refusal(const std::function<void()>& call) { return test::error_kind(call); }

}  // namespace

TEST_CASE("only a certified, present staff member performs an in-person upgrade") {
  Fixture f;
  auto id = f.person("anna@example.de", "Anna", "Schröter");
  auto untrained = f.as("j.neumann"), absent = f.as("b.brandt"), local = f.as_local(), portal = f.as("portal");
  CHECK(refusal([&] { perform_upgrade(untrained, at_counter(id)); }) == ErrorKind::forbidden);
  CHECK(refusal([&] { perform_upgrade(absent, at_counter(id)); }) == ErrorKind::forbidden);
  CHECK(refusal([&] { perform_upgrade(local, at_counter(id)); }) == ErrorKind::forbidden);
  CHECK(refusal([&] { perform_upgrade(portal, at_counter(id)); }) == ErrorKind::forbidden);
  CHECK(f.account(id).tier == "guest");

  auto clerk = f.as("m.weber");
  auto done = perform_upgrade(clerk, at_counter(id));
  CHECK(done.upgrade.status == "performed");
  CHECK(done.warnings.empty());
  auto a = f.account(id);
  CHECK(a.tier == "private");
  CHECK(a.verified_by == "m.weber");
  CHECK(a.verification_method == "in-person");
  CHECK(a.verified_office == "innenstadt");
  CHECK(a.assurance == "substantial");
  CHECK(a.verified_at == "2026-11-25T09:00:00Z");
}

TEST_CASE("the document number is kept only as a keyed hash, with a private key file") {
  Fixture f;
  auto id = f.person("anna@example.de", "Anna", "Schröter");
  auto clerk = f.as("m.weber");
  auto done = perform_upgrade(clerk, at_counter(id));
  REQUIRE(done.upgrade.document_hash);
  CHECK(done.upgrade.document_hash->size() == 64);
  CHECK(f.dump().find("L01X00T47") == std::string::npos);
  struct stat st {};
  REQUIRE(::stat((f.path + ".key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("the document must be of an accepted type and not expired") {
  Fixture f;
  auto id = f.person("anna@example.de", "Anna", "Schröter");
  auto clerk = f.as("m.weber");
  auto expired = at_counter(id);
  expired.document_expiry = Date(2026, 11, 24);
  CHECK(refusal([&] { perform_upgrade(clerk, expired); }) == ErrorKind::invalid);
  auto wrong = at_counter(id);
  wrong.document_type = "library-card";
  CHECK(refusal([&] { perform_upgrade(clerk, wrong); }) == ErrorKind::invalid);
  auto no_office = at_counter(id);
  no_office.office.reset();
  CHECK(refusal([&] { perform_upgrade(clerk, no_office); }) == ErrorKind::invalid);
  CHECK(f.account(id).tier == "guest");
  auto last_day = at_counter(id);
  last_day.document_expiry = Date(2026, 11, 25);
  CHECK_NOTHROW(perform_upgrade(clerk, last_day));
}

TEST_CASE("nobody upgrades their own account: by link or by name") {
  Fixture f;
  auto namesake = f.person("mw@example.de", "MICHAEL", "Weber");
  auto linked = f.person("privat@example.de", "Micha", "Privat");
  auto clerk = f.as("m.weber");
  CHECK(refusal([&] { perform_upgrade(clerk, at_counter(namesake)); }) == ErrorKind::forbidden);
  CHECK_NOTHROW(link_own_account(clerk, "m.weber", std::to_string(linked)));
  auto doc = at_counter(linked);
  doc.document_number = "T22000129";
  CHECK(refusal([&] { perform_upgrade(clerk, doc); }) == ErrorKind::forbidden);
  // A colleague may; a clerk may not link someone else, nor unlink their own.
  auto colleague = f.as("k.schulz");
  CHECK_NOTHROW(perform_upgrade(colleague, doc));
  CHECK_FALSE(Fixture::may_run(colleague, "staff.link-account", {{"id", "m.weber"}, {"account", std::to_string(namesake)}}));
  CHECK(Fixture::may_run(clerk, "staff.link-account", {{"id", "m.weber"}, {"account", std::to_string(namesake)}}));
  auto supervisor = f.as("s.kruse");
  CHECK(refusal([&] { unlink_own_account(supervisor, "m.weber", std::to_string(linked), ""); }) == ErrorKind::invalid);
  CHECK_NOTHROW(unlink_own_account(supervisor, "m.weber", std::to_string(linked), "Irrtum"));
}

TEST_CASE("authority upgrades need two different staff members certified for authority-accounts") {
  Fixture f;
  auto id = f.organisation("amt@example.de", "Stadtwerke");
  auto supervisor = f.as("s.kruse");
  auto in = at_counter(id, "authority");
  CHECK(refusal([&] { perform_upgrade(supervisor, in); }) == ErrorKind::invalid);
  in.second_staff = "s.kruse";
  CHECK(refusal([&] { perform_upgrade(supervisor, in); }) == ErrorKind::forbidden);
  in.second_staff = "m.weber";  // identity-check only
  CHECK(refusal([&] { perform_upgrade(supervisor, in); }) == ErrorKind::forbidden);
  in.second_staff = "nobody";
  CHECK(refusal([&] { perform_upgrade(supervisor, in); }) == ErrorKind::not_found);
  auto clerk = f.as("m.weber");
  in.second_staff = "s.kruse";
  CHECK(refusal([&] { perform_upgrade(clerk, in); }) == ErrorKind::forbidden);
  CHECK(f.account(id).tier == "guest");
  in.second_staff = "k.schulz";
  auto done = perform_upgrade(supervisor, in);
  CHECK(done.upgrade.second_staff == "k.schulz");
  CHECK(done.upgrade.status == "awaiting-confirmation");
  CHECK(f.account(id).tier == "guest");
  // Only the named second staff member confirms, with their own identity.
  CHECK(refusal([&] { confirm_upgrade(supervisor, done.upgrade.id); }) == ErrorKind::forbidden);
  CHECK(refusal([&] { confirm_upgrade(clerk, done.upgrade.id); }) == ErrorKind::forbidden);
  auto second = f.as("k.schulz");
  auto confirmed = confirm_upgrade(second, done.upgrade.id);
  CHECK(confirmed.upgrade.status == "performed");
  CHECK(confirmed.upgrade.confirmed_at == "2026-11-25T09:00:00Z");
  CHECK(f.account(id).tier == "authority");
  CHECK(f.account(id).verified_by == "s.kruse");
  CHECK(refusal([&] { confirm_upgrade(second, done.upgrade.id); }) == ErrorKind::conflict);
}

TEST_CASE("an authority upgrade not confirmed the same day expires") {
  Fixture f;
  auto id = f.organisation("amt@example.de", "Stadtwerke");
  auto supervisor = f.as("s.kruse");
  auto in = at_counter(id, "authority");
  in.second_staff = "k.schulz";
  auto waiting = perform_upgrade(supervisor, in).upgrade;
  f.clock = fixed_clock(parse_instant("2026-11-26T07:00:00Z"), "Europe/Berlin");
  auto second = f.as("k.schulz");
  CHECK(find_upgrade(second, waiting.id).status == "expired");
  CHECK(refusal([&] { confirm_upgrade(second, waiting.id); }) == ErrorKind::conflict);
  CHECK(f.account(id).tier == "guest");
  // It no longer blocks the account: performed anew, the old one is recorded as expired.
  auto again_ctx = f.as("s.kruse");
  auto again = perform_upgrade(again_ctx, in).upgrade;
  CHECK(again.id != waiting.id);
  sql::Statement q(f.store->db(), "SELECT status FROM upgrades WHERE id = ?");
  q.bind(1, waiting.id);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "expired");
}

TEST_CASE("business upgrades need register evidence and an organisation") {
  Fixture f;
  auto org = f.organisation("info@kruse-bau.example", "Kruse Bau GmbH");
  auto someone = f.person("p@example.de", "Paul", "Person");
  auto clerk = f.as("m.weber");
  CHECK(refusal([&] { perform_upgrade(clerk, at_counter(org, "business")); }) == ErrorKind::invalid);
  auto person = at_counter(someone, "business");
  person.register_court = "Amtsgericht Dortmund";
  person.register_no = "HRB 12345";
  CHECK(refusal([&] { perform_upgrade(clerk, person); }) == ErrorKind::conflict);
  auto in = at_counter(org, "business");
  in.register_court = "Amtsgericht Dortmund";
  in.register_no = "HRB 12345";
  CHECK_NOTHROW(perform_upgrade(clerk, in));
  auto a = f.account(org);
  CHECK(a.tier == "business");
  CHECK(a.register_no == "HRB 12345");
  CHECK(a.register_court == "Amtsgericht Dortmund");
}

TEST_CASE("online ID: the portal only, private only, one eID for one account") {
  Fixture f;
  auto ben = f.person("ben@example.de", "Ben", "Online");
  auto bea = f.person("bea@example.de", "Bea", "Online");
  auto clerk = f.as("m.weber"), local = f.as_local(), portal = f.as("portal");
  nlohmann::json by_eid{{"id", std::to_string(ben)}, {"method", "online-id"}};
  CHECK_FALSE(Fixture::may_run(clerk, "upgrades.perform", by_eid));
  CHECK_FALSE(Fixture::may_run(local, "upgrades.perform", by_eid));
  CHECK(Fixture::may_run(portal, "upgrades.perform", by_eid));
  CHECK_FALSE(Fixture::may_run(portal, "upgrades.perform", {{"id", std::to_string(ben)}}));
  auto with_doc = online(ben, "pseudo-1");
  with_doc.document_number = "L01X00T47";
  CHECK(refusal([&] { perform_upgrade(portal, with_doc); }) == ErrorKind::invalid);
  perform_upgrade(portal, online(ben, "pseudo-1"));
  auto a = f.account(ben);
  CHECK(a.assurance == "high");
  CHECK(a.verification_method == "online-id");
  CHECK(a.verified_office == std::nullopt);
  CHECK(refusal([&] { perform_upgrade(portal, online(bea, "pseudo-1")); }) == ErrorKind::conflict);
  CHECK(f.account(bea).tier == "guest");
  CHECK(f.dump().find("pseudo-1") == std::string::npos);
}

TEST_CASE("reuse of one document for a second account warns") {
  Fixture f;
  auto first = f.person("a@example.de", "Anna", "Eins");
  auto second = f.person("b@example.de", "Anna", "Zwei");
  auto clerk = f.as("m.weber");
  perform_upgrade(clerk, at_counter(first));
  auto again = at_counter(second);
  again.document_number = "l01x-00t47";  // the same document, typed differently
  auto done = perform_upgrade(clerk, again);
  REQUIRE(done.warnings.size() == 1);
  CHECK(done.warnings[0].find(std::to_string(first)) != std::string::npos);
  CHECK(done.warnings[0].find("L01X00T47") == std::string::npos);
}

TEST_CASE("requests, rejections and downgrades follow the states") {
  Fixture f;
  auto id = f.person("anna@example.de", "Anna", "Schröter");
  auto portal = f.as("portal"), clerk = f.as("m.weber"), untrained = f.as("j.neumann"), supervisor = f.as("s.kruse");
  auto request = request_upgrade(portal, std::to_string(id), "private");
  CHECK(request.status == "pending");
  CHECK(refusal([&] { request_upgrade(portal, std::to_string(id), "business"); }) == ErrorKind::conflict);
  // A pending request for another tier blocks a different upgrade at the counter.
  CHECK(refusal([&] { perform_upgrade(clerk, at_counter(id, "business")); }) == ErrorKind::conflict);
  CHECK(refusal([&] { reject_upgrade(untrained, request.id, "no"); }) == ErrorKind::forbidden);
  CHECK(refusal([&] { reject_upgrade(clerk, request.id, " "); }) == ErrorKind::invalid);
  CHECK(reject_upgrade(clerk, request.id, "kein Ausweis").status == "rejected");
  CHECK(refusal([&] { reject_upgrade(clerk, request.id, "again"); }) == ErrorKind::conflict);

  auto second = request_upgrade(portal, std::to_string(id), "private");
  auto done = perform_upgrade(clerk, at_counter(id));
  CHECK(done.upgrade.id == second.id);  // the request was completed, not duplicated
  CHECK(done.upgrade.requested_by == "portal");
  CHECK(refusal([&] { perform_upgrade(clerk, at_counter(id)); }) == ErrorKind::conflict);

  CHECK_FALSE(Fixture::may_run(clerk, "upgrades.downgrade", {{"id", std::to_string(id)}}));
  CHECK(refusal([&] { downgrade_account(supervisor, std::to_string(id), "private", "x"); }) == ErrorKind::conflict);
  auto down = downgrade_account(supervisor, std::to_string(id), "guest", "Ausweis gestohlen");
  CHECK(down.revoked == std::vector<std::int64_t>{second.id});
  CHECK(down.account.tier == "guest");
  CHECK(down.account.assurance == "low");
  CHECK(down.account.verified_at == std::nullopt);
  CHECK(find_upgrade(supervisor, second.id).status == "revoked");
}

TEST_CASE("verified fields are locked to certified staff, with a reason") {
  Fixture f;
  auto id = f.person("anna@example.de", "Anna", "Schröter");
  auto clerk = f.as("m.weber"), untrained = f.as("j.neumann"), local = f.as_local();
  perform_upgrade(clerk, at_counter(id));
  AccountChange change{std::to_string(id), std::nullopt, {{"family_name", "Schroeter"}}, "laut Ausweis", std::nullopt};
  CHECK(refusal([&] { update_account(untrained, change); }) == ErrorKind::forbidden);
  CHECK(refusal([&] { update_account(local, change); }) == ErrorKind::forbidden);
  auto no_reason = change;
  no_reason.reason = "";
  CHECK(refusal([&] { update_account(clerk, no_reason); }) == ErrorKind::invalid);
  auto updated = update_account(clerk, change).account;
  CHECK(updated.family_name == "Schroeter");
  CHECK(updated.identity_changed_by == "m.weber");
  AccountChange address{std::to_string(id), std::nullopt, {{"city", "Dortmund"}}, "", std::nullopt};
  CHECK_NOTHROW(update_account(untrained, address));
}

TEST_CASE("erasing an account forgets its document evidence and eID binding") {
  Fixture f;
  auto ben = f.person("ben@example.de", "Ben", "Online");
  auto portal = f.as("portal"), supervisor = f.as("s.kruse");
  perform_upgrade(portal, online(ben, "pseudo-1"));
  close_account(supervisor, std::to_string(ben), "Löschantrag", true);
  auto again = f.person("ben2@example.de", "Ben", "Neu");
  CHECK_NOTHROW(perform_upgrade(portal, online(again, "pseudo-1")));
}
