// The staging of a bank file's entries against a real (temporary) store: what an entry finds once
// an earlier entry of the same file is staged, or once an earlier chunk was applied, and what an
// applied chunk writes, in file order.
#include "store/bank_return_rows.hpp"
#include "temp_store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>

#include <string>

using namespace vrathaus;

namespace {

// Account 1 with mandate 1 and charges 1 and 2; account 2 with mandate 2 and charges 3 and 4; each
// account with an active permit that renews itself. All four charges are in a bank file (exported).
struct Fixture : test::TempStore {
  Fixture() {
    store->db().exec(
        "INSERT INTO accounts(id, login, tier, status, created_at, updated_at) VALUES"
        " (1, 'a1', 'private', 'active', 't', 't'), (2, 'a2', 'private', 'active', 't', 't');"
        "INSERT INTO mandates(id, account_id, iban, reference, signed_on, status, created_at, updated_at) VALUES"
        " (1, 1, 'DE89370400440532013000', 'M-1', '2025-01-01', 'active', 't', 't'),"
        " (2, 2, 'DE89370400440532013000', 'M-2', '2025-01-01', 'active', 't', 't');"
        "INSERT INTO charges(id, account_id, mandate_id, amount_cents, due_on, status, created_at, end_to_end_id) VALUES"
        " (1, 1, 1, 3070, '2026-12-14', 'exported', 't', 'VR-C1'), (2, 1, 1, 3070, '2026-12-14', 'exported', 't', 'VR-C2'),"
        " (3, 2, 2, 3070, '2026-12-14', 'exported', 't', 'VR-C3'), (4, 2, 2, 3070, '2026-12-14', 'exported', 't', 'VR-C4');"
        "INSERT INTO permits(id, account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents,"
        " created_by, created_at, updated_at) VALUES"
        " (1, 1, 'DO-AB 1', 'A', '2026-01-01', '2026-12-31', 'active', 1, 3070, 'local:test', 't', 't'),"
        " (2, 2, 'DO-AB 2', 'A', '2026-01-01', '2026-12-31', 'active', 1, 3070, 'local:test', 't', 't');");
    file_id = *insert_bank_file(store->db(), {0, "sha", "camt.xml", "camt.054", "ns", "MSG-1", "t", "local:test", 0, 0, 0});
  }
  // An entry that returns its charge and revokes the charge's mandate (AC04).
  static StagedReturn revoking(const std::string& end_to_end_id, std::optional<ReturnTarget> charge) {
    StagedReturn s;
    s.end_to_end_id = end_to_end_id;
    s.reason = "AC04";
    s.charge = std::move(charge);
    s.applies = true;
    s.new_status = "returned";
    s.outcome = "revoked";
    s.revokes_mandate = s.stops_renewal = true;
    return s;
  }
  std::string column(const std::string& sql) { return store->db().execAndGet(sql).getString(); }
  std::int64_t file_id = 0;
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "Staged entries are seen by the next entries of the same chunk") {
  BankReturnStaging staging(store->db());
  auto first = staging.find_charge("VR-C3");
  REQUIRE(first);
  CHECK(first->status == "exported");
  CHECK(first->mandate_revocable);
  CHECK_FALSE(first->status_set_by_file);
  staging.add(revoking("VR-C3", first));
  CHECK(staging.size() == 1);

  // The same charge again: the file already returns it. Another charge of the same mandate: the
  // file already revokes the mandate.
  auto again = staging.find_charge("VR-C3");
  REQUIRE(again);
  CHECK(again->status_set_by_file == "returned");
  auto sibling = staging.find_charge("VR-C4");
  REQUIRE(sibling);
  CHECK_FALSE(sibling->mandate_revocable);
  CHECK_FALSE(sibling->status_set_by_file);
  CHECK_FALSE(staging.find_charge("VR-C999"));
}

TEST_CASE_FIXTURE(Fixture, "An applied chunk is found changed by the next chunk, and writes in file order") {
  BankReturnStaging staging(store->db());
  staging.add(revoking("VR-C1", staging.find_charge("VR-C1")));
  StagedReturn unmatched;
  unmatched.end_to_end_id = "VR-C999";
  unmatched.reason = "AC04";
  unmatched.outcome = "unmatched";
  staging.add(unmatched);
  StagedReturn re_presented;
  re_presented.end_to_end_id = "VR-C3";
  re_presented.reason = "AM04";
  re_presented.charge = staging.find_charge("VR-C3");
  re_presented.applies = re_presented.re_present = true;
  re_presented.new_status = "returned";
  re_presented.outcome = "re-presented";
  staging.add(re_presented);
  // Account 1's permit stops renewing (its mandate is revoked); account 2's renews on.
  CHECK(staging.apply(file_id, "camt.xml", "2026-12-18", "2026-12-18T09:00:00Z", 300) == 1);
  CHECK(column("SELECT group_concat(auto_renew, ' ') FROM permits") == "0 1");
  CHECK(staging.size() == 0);
  CHECK(column("SELECT group_concat(id || ':' || status || ':' || coalesce(return_reason, ''), ' ') FROM charges"
               " WHERE id <= 4") == "1:returned:AC04 2:exported: 3:returned:AM04 4:exported:");
  CHECK(column("SELECT group_concat(status || ':' || coalesce(revoke_reason, ''), ' ') FROM mandates") ==
        "revoked:bank return AC04 (camt.xml) active:");
  // Charge 1's fee, then charge 3's re-presentation and fee: file order, the re-presentation first.
  CHECK(column("SELECT group_concat(origin || ':' || kind || ':' || amount_cents || ':' || status, ' ') FROM charges"
               " WHERE id > 4 ORDER BY id") ==
        "1:return-fee:300:open 3:re-presentation:3070:open 3:return-fee:300:open");
  CHECK(column("SELECT group_concat(end_to_end_id || ':' || outcome || ':' || coalesce(charge_id, '-'), ' ') FROM"
               " bank_returns ORDER BY id") == "VR-C1:revoked:1 VR-C999:unmatched:- VR-C3:re-presented:3");

  // The next chunk: charge 1 is returned, mandate 1 revoked, charge 3 re-presented.
  auto one = staging.find_charge("VR-C1");
  REQUIRE(one);
  CHECK(one->status == "returned");
  CHECK_FALSE(one->status_set_by_file);
  auto two = staging.find_charge("VR-C2");
  REQUIRE(two);
  CHECK_FALSE(two->mandate_revocable);
  auto three = staging.find_charge("VR-C3");
  REQUIRE(three);
  CHECK(three->re_presented);
}

TEST_CASE_FIXTURE(Fixture, "A file's row is inserted once: the same SHA-256 again is no row, not an error") {
  // What an instance that lost the race for the file sees once the winner has committed.
  CHECK_FALSE(insert_bank_file(store->db(), {0, "sha", "again.xml", "camt.054", "ns", "MSG-2", "t", "local:test", 0, 0, 0}));
  auto other = insert_bank_file(store->db(), {0, "sha-2", "other.xml", "camt.054", "ns", "MSG-3", "t", "local:test", 0, 0, 0});
  REQUIRE(other);
  CHECK(*other != file_id);
  CHECK(column("SELECT count(*) || ':' || min(name) FROM bank_files WHERE sha256 = 'sha'") == "1:camt.xml");
}

TEST_CASE_FIXTURE(Fixture, "Discarded entries write nothing and are forgotten by the next look-up") {
  BankReturnStaging staging(store->db());
  staging.add(revoking("VR-C1", staging.find_charge("VR-C1")));
  staging.discard();
  CHECK(staging.size() == 0);
  auto again = staging.find_charge("VR-C1");
  REQUIRE(again);
  CHECK_FALSE(again->status_set_by_file);
  CHECK(again->mandate_revocable);
  CHECK(column("SELECT count(*) FROM bank_return_staging") == "0");
  CHECK(column("SELECT status FROM charges WHERE id = 1") == "exported");
}

TEST_CASE_FIXTURE(Fixture, "One look-up for many entries: each is matched as the entries before it leave its charge") {
  BankReturnStaging staging(store->db());
  staging.look_up({"VR-C1", "VR-C999", "VR-C2", "VR-C1"});
  CHECK_FALSE(staging.match("VR-C999"));
  auto first = staging.match("VR-C1");
  REQUIRE(first);
  CHECK_FALSE(first->status_set_by_file);
  staging.add(revoking("VR-C1", first));
  // The same charge again in the same look-up, and another charge of the revoked mandate.
  auto again = staging.match("VR-C1");
  REQUIRE(again);
  CHECK(again->status_set_by_file == std::optional<std::string>("returned"));
  auto sibling = staging.match("VR-C2");
  REQUIRE(sibling);
  CHECK_FALSE(sibling->mandate_revocable);
  // Staged entries reach the table in order once the chunk is applied (128 to an INSERT meanwhile).
  for (int i = 0; i < 130; ++i) {
    StagedReturn unmatched;
    unmatched.end_to_end_id = "VR-X" + std::to_string(i);
    unmatched.reason = "MS03";
    unmatched.outcome = "unmatched";
    staging.add(unmatched);
  }
  CHECK(staging.size() == 131);
  staging.apply(file_id, "camt.xml", "2026-12-18", "2026-12-18T09:00:00Z", 0);
  CHECK(column("SELECT count(*) || ':' || min(end_to_end_id) FROM bank_returns WHERE id = (SELECT min(id) FROM"
               " bank_returns)") == "1:VR-C1");
  CHECK(column("SELECT count(*) FROM bank_returns") == "131");
  CHECK(column("SELECT end_to_end_id FROM bank_returns ORDER BY id DESC LIMIT 1") == "VR-X129");
}
