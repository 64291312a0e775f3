// The pure upgrade rules: document types and numbers, expiry, countries, eID pseudonyms, tiers.
#include "core/error.hpp"
#include "domain/upgrade.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

// The exit code and message of a rule's refusal.
std::pair<ErrorKind, std::string> refusal(auto&& call) {
  try {
    call();
  } catch (const Error& e) {
    return {e.kind(), e.what()};
  }
  FAIL("expected a refusal");
  return {};
}

}  // namespace

TEST_CASE("accepted document types are id-card, passport and residence-permit") {
  CHECK(check_document_type("id-card") == "id-card");
  CHECK(check_document_type("passport") == "passport");
  CHECK(check_document_type("residence-permit") == "residence-permit");
  auto [kind, message] = refusal([] { check_document_type("driving-licence"); });
  CHECK(kind == ErrorKind::invalid);
  CHECK(message.starts_with("document_type:"));
}

TEST_CASE("document numbers are compared in one normal form") {
  CHECK(normalise_document_number("l01x00t47") == "L01X00T47");
  CHECK(normalise_document_number(" L01X-00T 47 ") == "L01X00T47");
  CHECK(normalise_document_number("C01X00T47") != normalise_document_number("C01X00T48"));
}

TEST_CASE("invalid document numbers are refused without echoing the number") {
  for (const char* bad : {"", "AB1", "L01X00T47;DROP", "L01X00T47ÄÖ", "123456789012345678901"}) {
    auto [kind, message] = refusal([&] { normalise_document_number(bad); });
    CHECK(kind == ErrorKind::invalid);
    CHECK(message.starts_with("document_number:"));
    if (std::string(bad).size() >= 3) CHECK(message.find(bad) == std::string::npos);
  }
}

TEST_CASE("a document expiring today is still valid; one that expired yesterday is not") {
  Date today(2026, 11, 25);
  CHECK_NOTHROW(check_document_not_expired(Date(2026, 11, 25), today));
  CHECK_NOTHROW(check_document_not_expired(Date(2031, 1, 1), today));
  auto [kind, message] = refusal([&] { check_document_not_expired(Date(2026, 11, 24), today); });
  CHECK(kind == ErrorKind::invalid);
  CHECK(message.starts_with("document_expiry:"));
  CHECK(message.find("2026-11-24") != std::string::npos);
}

TEST_CASE("issuing countries are ISO 3166-1 alpha-2") {
  CHECK(check_country_code("de") == "DE");
  CHECK(check_country_code("TR") == "TR");
  for (const char* bad : {"", "D", "DEU", "D1", "ÄÖ"}) CHECK(refusal([&] { check_country_code(bad); }).first == ErrorKind::invalid);
}

TEST_CASE("eID pseudonyms: printable ASCII, bounded, never echoed") {
  CHECK(check_eid_pseudonym("0123abcdEF+/=") == "0123abcdEF+/=");
  for (std::string bad : {std::string(), std::string("has space"), std::string(513, 'a'), std::string("tab\there")}) {
    auto [kind, message] = refusal([&] { check_eid_pseudonym(bad); });
    CHECK(kind == ErrorKind::invalid);
    CHECK(message.starts_with("eid_pseudonym:"));
  }
}

TEST_CASE("an upgrade reaches private, business or authority") {
  CHECK(check_upgrade_target("private") == "private");
  CHECK(check_upgrade_target("authority") == "authority");
  CHECK(refusal([] { check_upgrade_target("guest"); }).first == ErrorKind::invalid);
  CHECK(refusal([] { check_upgrade_target("gold"); }).first == ErrorKind::invalid);
  CHECK(check_upgrade_method("online-id") == "online-id");
  CHECK(refusal([] { check_upgrade_method("video-ident"); }).first == ErrorKind::invalid);
  CHECK(refusal([] { check_upgrade_status("approved"); }).first == ErrorKind::invalid);
}

TEST_CASE("the upgrade JSON carries the stable fields and never a hash") {
  Upgrade u;
  u.id = 7;
  u.account_id = 42;
  u.from_tier = "guest";
  u.to_tier = "private";
  u.status = "performed";
  u.method = "in-person";
  u.document_hash = "deadbeef";
  u.eid_pseudonym_hash = "cafebabe";
  u.requested_at = "2026-11-25T09:00:00Z";
  u.requested_by = "m.weber";
  nlohmann::json j = u;
  for (const char* field : {"id", "account_id", "from_tier", "to_tier", "status", "method", "office", "staff",
                            "second_staff", "document_type", "document_expiry", "requested_at", "decided_at", "reason"})
    CHECK_MESSAGE(j.contains(field), field);
  CHECK(j.dump().find("deadbeef") == std::string::npos);
  CHECK(j.dump().find("cafebabe") == std::string::npos);
}
