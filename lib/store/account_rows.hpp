#pragma once
// Reading and writing account rows; no rules here, only SQL with bound parameters.
#include "domain/account.hpp"

#include "store/sql/sql.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

std::optional<Account> load_account(sql::Connection& db, std::int64_t id);
std::optional<Account> load_account_by_login(sql::Connection& db, const std::string& login);
std::optional<Account> load_account_by_customer_no(sql::Connection& db, const std::string& customer_no);
// Inserts `a` (id 0 → assigned) and returns its id.
std::int64_t insert_account(sql::Connection& db, const Account& a);
// Writes every column of `a` and bumps its version.
void update_account_row(sql::Connection& db, const Account& a);

struct AccountQuery {
  std::string tier, status, office;
  std::string folded_text;         // search: every word must occur in the folded name, or
  std::string login_text;          // … this occurs in the login (lower case), or
  std::string customer_no;         // … this is the customer number, or
  std::string plate;               // … the account holds a permit for this (normalised) plate
  std::int64_t after_id = 0;           // keyset cursor
  std::optional<std::int64_t> limit;
};
std::vector<Account> query_accounts(sql::Connection& db, const AccountQuery& q);
// How many accounts match, whatever the cursor and limit.
std::int64_t count_accounts(sql::Connection& db, const AccountQuery& q);

// Accounts with the same folded name and birth date (the duplicate warning).
std::vector<std::int64_t> find_same_person(sql::Connection& db, const std::string& folded_name,
                                        const std::string& birth_date, std::int64_t except_id);

// What keeps an account from being erased: its permits valid on or after `today`, its open charges.
std::int64_t count_active_permits(sql::Connection& db, std::int64_t account_id, const std::string& today);
std::int64_t count_open_charges(sql::Connection& db, std::int64_t account_id);

}  // namespace vrathaus
