// The keyed hash that stands in for document numbers: key file creation, mode, stability.
#include "core/error.hpp"
#include "service/document_key.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <vector>

using namespace vrathaus;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "vrathaus-key-test-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_CASE("the key file is created once, 0600, and read back the same") {
  TempDir dir;
  auto file = (dir.path / "store.db.key").string();
  auto key = load_key_file(file, true);
  REQUIRE(key.generations.size() == 1);
  CHECK(key.generations[0].size() == 64);
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(load_key_file(file, true) == key);
  CHECK(load_key_file(file, false) == key);
  // Nothing but the key file is left behind.
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}

TEST_CASE("processes racing to create the key agree on one") {
  // Many rounds: a racer that finds no file, then sees the winner's file before it links its
  // own, must read that key rather than fail.
  for (int round = 0; round < 200; ++round) {
    TempDir dir;
    auto file = (dir.path / "store.db.key").string();
    std::vector<std::future<DocumentKey>> racers;
    for (int i = 0; i < 8; ++i)
      racers.push_back(std::async(std::launch::async, [&] { return load_key_file(file, true); }));
    auto first = racers.front().get();
    for (std::size_t i = 1; i < racers.size(); ++i) CHECK(racers[i].get() == first);
  }
}

TEST_CASE("a configured key file must exist and hold a key (exit 9)") {
  TempDir dir;
  auto missing = (dir.path / "missing.key").string();
  CHECK_THROWS_AS(load_key_file(missing, false), Error);
  try {
    load_key_file(missing, false);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::config);
  }
  CHECK_FALSE(fs::exists(missing));
  auto bad = (dir.path / "bad.key").string();
  std::ofstream(bad) << "not a key\n";
  try {
    load_key_file(bad, true);
    FAIL("a malformed key was accepted");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::config);
  }
}

TEST_CASE("keyed hashes: equal inputs match, the key and the country matter, the number never shows") {
  DocumentKey k1{{std::string(64, 'a')}}, k2{{std::string(64, 'b')}};
  auto h = document_number_hash(k1, "DE", "L01X00T47");
  CHECK(h.size() == 64);
  CHECK(h == document_number_hash(k1, "DE", "L01X00T47"));
  CHECK(h != document_number_hash(k2, "DE", "L01X00T47"));
  CHECK(h != document_number_hash(k1, "AT", "L01X00T47"));
  CHECK(h != document_number_hash(k1, "DE", "L01X00T48"));
  CHECK(h.find("L01X00T47") == std::string::npos);
  // A pseudonym equal to a document number does not collide with it.
  CHECK(eid_pseudonym_hash(k1, "DE:L01X00T47") != document_number_hash(k1, "DE", "L01X00T47"));
}

TEST_CASE("a rotated key re-keys old hashes to what the new key computes") {
  DocumentKey old_key{{std::string(64, 'a')}};
  DocumentKey rotated{{std::string(64, 'a'), std::string(64, 'c')}};
  auto old_hash = document_number_hash(old_key, "DE", "L01X00T47");
  CHECK(DocumentKey::rekey(rotated.generations[1], old_hash) == document_number_hash(rotated, "DE", "L01X00T47"));
  CHECK(old_key.check_value() != rotated.check_value());
  CHECK(DocumentKey::rekey(rotated.generations[1], old_key.check_value()) == rotated.check_value());
}
