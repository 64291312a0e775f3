#pragma once
// docs/authorisation.md, generated from the operations' access declarations (api/access.hpp):
// the published operation × role matrix. `vrathaus authorisation` prints it; a test fails when
// the committed file differs.
#include <string>

namespace vrathaus {

std::string authorisation_markdown();

}  // namespace vrathaus
