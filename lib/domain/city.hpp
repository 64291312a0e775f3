#pragma once
// The city's rules that come from config: used wherever the services run, locally or behind
// `vrathaus serve`. Plain data, so it sits in the domain layer whose rules (fees, zones, bank files,
// return policy) read it; config/ only fills it in from YAML.
#include "core/date.hpp"
#include "domain/time_of_day.hpp"

#include <array>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vrathaus {

struct Zone {
  std::string code;
  std::string name;
  std::vector<std::string> streets;
};

struct FeePeriod {
  Date from;
  std::int64_t fee_cents = 0;
};

struct PermitRules {
  int validity_months = 12;
  int max_per_account = 1;
  int renew_window_days = 30;
  std::vector<FeePeriod> fees{{Date(2020, 1, 1), 3070}};
  // A permit revoked early: "pro_rata_months" refunds the full months not used, "none" nothing.
  std::string refund = "pro_rata_months";
  // Days after its due date (or its return) that a charge may stay unpaid before it is overdue:
  // listed by `charges overdue`, and its permit is not renewed.
  int unpaid_grace_days = 14;
};

// A structured postal address as the bank file carries it (town and country at least).
struct PostalAddress {
  std::string street, house_no, postal_code, town;
  std::string country = "DE";  // ISO 3166 alpha-2
};

struct Creditor {
  std::string name;
  std::string iban;
  std::string bic;
  std::string creditor_id;
  std::optional<PostalAddress> address;
};

// The file format of new exports; earlier batches keep the one they were written in.
inline constexpr const char* kPain008v02 = "pain.008.001.02";
inline constexpr const char* kPain008v08 = "pain.008.001.08";

// What a return or reject reason code from the bank does to the charge (and the mandate). Codes
// in no list just mark the charge returned.
struct ReturnPolicy {
  // Account closed or blocked, wrong account, no mandate, mandate cancelled, debtor deceased:
  // the mandate cannot be used again.
  std::vector<std::string> revoke_mandate{"AC01", "AC04", "AC06", "AG01", "MD01", "MD07"};
  // Insufficient funds: collected once more in the next export.
  std::vector<std::string> re_present{"AM04"};
  // The debtor asked its bank for a refund: the city must clear it with the debtor.
  std::vector<std::string> dispute{"MD06"};
};

struct SepaRules {
  int prenotification_days = 14;
  std::optional<Creditor> creditor;
  std::string format = kPain008v08;
  std::int64_t return_fee_cents = 0;  // booked as its own charge after each return
  ReturnPolicy returns;
};

// Training before the gap: how far ahead of a gap people must be trained, and how early a
// certification that is about to expire is put into the plan for a refresher.
struct TrainingRules {
  int lead_days = 14;     // the last day to train is this many days before the first gap
  int refresh_days = 60;  // certifications expiring within this many days of today get a refresher
};

// What can be booked: each kind of appointment takes one slot of its length with one person
// holding its certification.
struct AppointmentKind {
  int slot_minutes = 15;
  std::string cert = "identity-check";
};

// An office's weekly opening hours (local time) and where it is.
struct OfficeSchedule {
  std::array<std::optional<TimeRange>, 7> hours;  // Monday first; nullopt: closed that weekday
  std::string postal_code;                         // "": unknown (listed after the known ones)
  const std::optional<TimeRange>& on(unsigned iso_weekday) const { return hours.at(iso_weekday - 1); }
};

struct AppointmentRules {
  std::map<std::string, AppointmentKind> kinds{{"upgrade", {}}};
  // Every office unless listed below: Monday to Friday, 08:00 to 16:00.
  OfficeSchedule default_office{{TimeRange{480, 960}, TimeRange{480, 960}, TimeRange{480, 960}, TimeRange{480, 960},
                                 TimeRange{480, 960}, std::nullopt, std::nullopt},
                                ""};
  std::map<std::string, OfficeSchedule> offices;  // by office code
  // Booked demand: an office-day exactly at its minimum of certified staff is a risk too when its
  // open bookings fill more than this share of what the clerks present can serve.
  int busy_at_minimum_percent = 75;
  const OfficeSchedule& schedule_of(const std::string& office) const {
    auto it = offices.find(office);
    return it == offices.end() ? default_office : it->second;
  }
};

struct CityConfig {
  std::string name;  // shown on reports meant for people, e.g. "Dortmund"; may be empty
  std::string timezone = "Europe/Berlin";
  PermitRules permits;
  std::vector<Zone> zones;
  std::map<std::string, int> certification_validity_months{{"identity-check", 24}, {"authority-accounts", 24}};
  std::set<Date> holidays;
  SepaRules sepa;
  int busy_timeout_ms = 5000;
  // Key for the keyed hash of ID document numbers; empty: a key file beside the store.
  std::string document_key_file;
  TrainingRules training;
  AppointmentRules appointments;
};

}  // namespace vrathaus
