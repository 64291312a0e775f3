#pragma once
// What a reason code from the bank does (city.sepa.returns): the one place the lists are read.
#include "domain/city.hpp"

#include <string_view>

namespace vrathaus {

enum class ReturnAction {
  returned,        // the charge is returned; the staff decide what follows
  revoke_mandate,  // and the mandate is revoked, the account's permits stop renewing themselves
  re_present,      // collected once more in the next export (a second return of it is final)
  dispute,         // the debtor asked for a refund: the charge is disputed
};

ReturnAction return_action(const ReturnPolicy& policy, std::string_view reason_code);

}  // namespace vrathaus
