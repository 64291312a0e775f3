#include "remote/remote_backend.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("remote URLs: the host, and whether a token sent there stays on this machine") {
  CHECK(url_host("http://127.0.0.1:8080") == "127.0.0.1");
  CHECK(url_host("http://user@[::1]:8080/api") == "::1");
  CHECK(url_host("https://vrathaus.stadt.example/x?y") == "vrathaus.stadt.example");
  CHECK(url_host("http://LOCALHOST") == "LOCALHOST");
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("127.8.9.10"));
  CHECK(is_loopback_host("::1"));
  CHECK(is_loopback_host("LocalHost"));
  CHECK_FALSE(is_loopback_host("10.0.0.1"));
  CHECK_FALSE(is_loopback_host("127.0.0.1.evil.example"));
  CHECK_FALSE(is_loopback_host("vrathaus.stadt.example"));
}
