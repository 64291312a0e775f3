#pragma once
// German-aware folding for name search and duplicate detection: Schröter, Schroeter and
// SCHRÖTER all fold to "schroeter" (ä=ae, ö=oe, ü=ue, ß=ss; case and other accents folded).
#include <string>
#include <string_view>

namespace vrathaus {

std::string fold_german(std::string_view text);

// SEPA-safe transliteration for payment files: umlauts spelled out, accents dropped, anything
// outside the SEPA Latin set replaced by a space. Case is kept ("Jürgen Groß" → "Juergen Gross").
std::string transliterate_sepa(std::string_view text);

}  // namespace vrathaus
