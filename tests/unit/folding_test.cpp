#include "domain/folding.hpp"

#include <doctest/doctest.h>

using vrathaus::fold_german;
using vrathaus::transliterate_sepa;

TEST_CASE("German folding makes Schröter, Schroeter and SCHRÖTER one name") {
  CHECK(fold_german("Schröter") == "schroeter");
  CHECK(fold_german("Schroeter") == "schroeter");
  CHECK(fold_german("SCHRÖTER") == "schroeter");
  CHECK(fold_german("Straße") == fold_german("STRASSE"));
  CHECK(fold_german("Müller-Lüdenscheidt") == "mueller luedenscheidt");
  CHECK(fold_german("  Renée   Çelik ") == "renee celik");
  CHECK(fold_german("Łukasz Wałęsa") == "lukasz walesa");
}

TEST_CASE("SEPA transliteration keeps case and spells out umlauts") {
  CHECK(transliterate_sepa("Jürgen Groß") == "Juergen Gross");
  CHECK(transliterate_sepa("ÖZTÜRK & Söhne") == "OEZTUERK + Soehne");
  CHECK(transliterate_sepa("Zoë \"Z\" <x>") == "Zoe  Z   x ");
}
