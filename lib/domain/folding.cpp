#include "domain/folding.hpp"

#include "core/text.hpp"

#include <string_view>

namespace vrathaus {
namespace {

// Latin-1 Supplement and Latin Extended-A letters reduced to their base letters (lower case).
// Umlauts and ß are spelled out, as German readers (and the SEPA rulebook) expect.
std::string_view base_letters(char32_t cp) {
  switch (cp) {
    case U'ä': case U'Ä': case U'æ': case U'Æ': return "ae";
    case U'ö': case U'Ö': case U'œ': case U'Œ': return "oe";
    case U'ü': case U'Ü': return "ue";
    case U'ß': case U'ẞ': return "ss";
    case U'à': case U'á': case U'â': case U'ã': case U'å': case U'ā': case U'ă': case U'ą':
    case U'À': case U'Á': case U'Â': case U'Ã': case U'Å': case U'Ā': case U'Ă': case U'Ą': return "a";
    case U'ç': case U'ć': case U'č': case U'Ç': case U'Ć': case U'Č': return "c";
    case U'ď': case U'đ': case U'Ď': case U'Đ': case U'ð': case U'Ð': return "d";
    case U'è': case U'é': case U'ê': case U'ë': case U'ē': case U'ė': case U'ę': case U'ě':
    case U'È': case U'É': case U'Ê': case U'Ë': case U'Ē': case U'Ė': case U'Ę': case U'Ě': return "e";
    case U'ğ': case U'Ğ': return "g";
    case U'ì': case U'í': case U'î': case U'ï': case U'ī': case U'į': case U'ı':
    case U'Ì': case U'Í': case U'Î': case U'Ï': case U'Ī': case U'Į': case U'İ': return "i";
    case U'ł': case U'ľ': case U'ĺ': case U'Ł': case U'Ľ': case U'Ĺ': return "l";
    case U'ñ': case U'ń': case U'ň': case U'Ñ': case U'Ń': case U'Ň': return "n";
    case U'ò': case U'ó': case U'ô': case U'õ': case U'ø': case U'ō': case U'ő':
    case U'Ò': case U'Ó': case U'Ô': case U'Õ': case U'Ø': case U'Ō': case U'Ő': return "o";
    case U'ř': case U'ŕ': case U'Ř': case U'Ŕ': return "r";
    case U'ś': case U'š': case U'ş': case U'Ś': case U'Š': case U'Ş': return "s";
    case U'ť': case U'ţ': case U'Ť': case U'Ţ': return "t";
    case U'ù': case U'ú': case U'û': case U'ū': case U'ů': case U'ű': case U'ų':
    case U'Ù': case U'Ú': case U'Û': case U'Ū': case U'Ů': case U'Ű': case U'Ų': return "u";
    case U'ý': case U'ÿ': case U'Ý': case U'Ÿ': return "y";
    case U'ź': case U'ż': case U'ž': case U'Ź': case U'Ż': case U'Ž': return "z";
    case U'þ': case U'Þ': return "th";
    default: return {};
  }
}

bool is_upper_source(char32_t cp) {
  if ((cp >= U'À' && cp <= U'Þ' && cp != U'×') || cp == U'ẞ' || cp == 0x178) return true;
  // Latin Extended-A pairs upper/lower case; which of the pair comes first shifts twice.
  if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
  if (cp >= 0x179 && cp <= 0x17E) return cp % 2 == 1;
  return false;
}

}  // namespace

std::string fold_german(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if (cp == ' ' || cp == '\t' || cp == '-' || cp == '\n' || cp == '\r' || cp == 0xA0) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ', pending_space = false;
    if (cp < 0x80) {
      out += (cp >= 'A' && cp <= 'Z') ? char(cp - 'A' + 'a') : char(cp);
    } else if (auto base = base_letters(cp); !base.empty()) {
      out += base;
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string transliterate_sepa(std::string_view text) {
  // The SEPA character set: a-z A-Z 0-9 / - ? : ( ) . , ' + and space.
  auto allowed = [](char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::u32string_view(U"/-?:().,'+ ").find(c) != std::u32string_view::npos;
  };
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if (allowed(cp)) {
      out += char(cp);
    } else if (auto base = base_letters(cp); !base.empty()) {
      std::string b(base);
      if (is_upper_source(cp)) {
        // "Ö" is "Oe" in "Öztürk" but "OE" in "ÖZTÜRK": look at the next letter.
        std::size_t peek = pos;
        char32_t next = peek < text.size() ? next_code_point(text, peek) : U' ';
        bool shouting = (next >= 'A' && next <= 'Z') || is_upper_source(next);
        for (std::size_t i = 0; i < (shouting ? b.size() : 1); ++i) b[i] = char(b[i] - 'a' + 'A');
      }
      out += b;
    } else if (cp == '&') {
      out += '+';
    } else {
      out += ' ';
    }
  }
  return out;
}

}  // namespace vrathaus
