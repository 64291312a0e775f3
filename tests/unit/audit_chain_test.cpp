#include "core/clock.hpp"
#include "service/audit.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace vrathaus;

namespace {

struct TempStore : test::TempStore {
  void append(int n) {
    Actor actor;
    actor.id = "s.kruse";
    Context ctx{*store, *clock, city, actor};
    store->write_transaction([&] {
      for (int i = 0; i < n; ++i)
        audit_append(ctx, {"accounts.update", "account:" + std::to_string(i), {{"city", "Bochum"}}, {{"city", "Dortmund"}}, "Umzug"});
    });
  }
  bool ok() { return audit_verify(*store)["ok"].get<bool>(); }
  void sql(const std::string& statement) { store->db().exec(statement); }
};

}  // namespace

TEST_CASE("an untouched chain verifies; each entry links to the one before") {
  TempStore t;
  CHECK(t.ok());  // empty
  t.append(5);
  auto result = audit_verify(*t.store);
  CHECK(result["ok"].get<bool>());
  CHECK(result["entries"] == 5);
  auto first_prev = t.store->db().execAndGet("SELECT prev_hash FROM audit WHERE seq = 1").getString();
  CHECK(first_prev == std::string(64, '0'));
  auto link = t.store->db().execAndGet("SELECT (SELECT prev_hash FROM audit WHERE seq = 3) = (SELECT hash FROM audit WHERE seq = 2)");
  CHECK(link.getInt() == 1);
}

TEST_CASE("editing any column of an entry is detected") {
  for (auto edit : {"UPDATE audit SET reason = 'x' WHERE seq = 2", "UPDATE audit SET actor = 'x' WHERE seq = 2",
                    "UPDATE audit SET after = '{}' WHERE seq = 2", "UPDATE audit SET at = 'x' WHERE seq = 2",
                    "UPDATE audit SET object = 'x' WHERE seq = 2", "UPDATE audit SET client = '10.0.0.1' WHERE seq = 2"}) {
    TempStore t;
    t.append(4);
    t.sql(edit);
    CHECK_FALSE_MESSAGE(t.ok(), edit);
  }
}

TEST_CASE("removing, inserting or reordering entries is detected") {
  for (auto edit : {"DELETE FROM audit WHERE seq = 2", "DELETE FROM audit WHERE seq = 4",
                    "DELETE FROM audit WHERE seq = 1",
                    "INSERT INTO audit SELECT 5, at, actor, client, action, object, before, after, reason, hash, hash FROM audit WHERE seq = 4",
                    "UPDATE audit SET seq = seq + 10 WHERE seq = 2", "DELETE FROM audit_head"}) {
    TempStore t;
    t.append(4);
    t.sql(edit);
    CHECK_FALSE_MESSAGE(t.ok(), edit);
  }
}

TEST_CASE("a chain longer than one page of the verification verifies, and an edit past the page is found") {
  TempStore t;
  t.append(10001);  // the verification reads 10,000 entries at a time
  auto result = audit_verify(*t.store);
  CHECK(result["ok"].get<bool>());
  CHECK(result["entries"] == 10001);
  t.sql("UPDATE audit SET reason = 'x' WHERE seq = 10001");
  result = audit_verify(*t.store);
  CHECK_FALSE(result["ok"].get<bool>());
  CHECK(result["problems"][0]["seq"] == 10001);
}

TEST_CASE("entries appended as a batch are the entries audit_append() writes one by one, hashes included") {
  // The same entries, at the same instants (the test clock stands still), into two stores: one by
  // one into the first, as a batch of more than one bulk load (1,000 entries each) into the second,
  // after two single entries in both (the batch links to an existing head).
  TempStore one_by_one, batched;
  one_by_one.append(2);
  batched.append(2);
  one_by_one.append(2503);
  Actor actor;
  actor.id = "s.kruse";
  Context ctx{*batched.store, *batched.clock, batched.city, actor};
  batched.store->write_transaction([&] {
    AuditBatch batch(ctx);
    for (int i = 0; i < 2503; ++i)
      batch.append({"accounts.update", "account:" + std::to_string(i), {{"city", "Bochum"}}, {{"city", "Dortmund"}}, "Umzug"});
    batch.flush();
    batch.flush();  // nothing left: writes nothing
  });
  CHECK(batched.ok());
  auto dump = [](TempStore& t) {
    std::string all;
    sql::Statement q(t.store->db(), "SELECT seq, at, actor, client, action, object, before, after, reason, prev_hash, hash "
                                    "FROM audit ORDER BY seq");
    while (q.executeStep())
      for (int c = 0; c < 11; ++c) all += q.getColumn(c).getString() + (q.getColumn(c).isNull() ? "<null>|" : "|");
    sql::Statement head(t.store->db(), "SELECT seq, hash FROM audit_head");
    while (head.executeStep()) all += "head " + head.getColumn(0).getString() + " " + head.getColumn(1).getString();
    return all;
  };
  CHECK(dump(one_by_one) == dump(batched));
  CHECK(audit_verify(*batched.store)["entries"] == 2505);
}
