#pragma once
// The REST client (libcurl): the same operations as the local backend, sent to `vrathaus serve`.
#include "api/backend.hpp"

#include <string>

namespace vrathaus {

struct RemoteOptions {
  std::string base_url;  // http(s)://host:port
  std::string token;
  std::string ca_file;   // private CA; certificates are always verified
  bool insecure_http = false;  // plain http:// to a host off this machine is refused without it
  int connect_timeout_ms = 5000;
  int request_timeout_ms = 60000;  // per request; uploads use a low-speed limit instead
  int retries = 4;                 // network failures and 503, with exponential backoff
  int page_size = 1000;
};

// The host of an http(s):// URL ("http://user@[::1]:8080/x" → "::1").
std::string url_host(const std::string& url);
// localhost, 127.0.0.0/8 or ::1: a token sent there never leaves the machine.
bool is_loopback_host(const std::string& host);

class RemoteBackend final : public Backend {
public:
  explicit RemoteBackend(RemoteOptions options);
  ~RemoteBackend() override;

  nlohmann::json call(const std::string& operation, const nlohmann::json& params) override;
  nlohmann::json call_with_file(const std::string& operation, const nlohmann::json& params,
                                const std::string& file) override;
  bool is_remote() const override { return true; }

private:
  struct Response {
    long status = 0;
    std::string body;
  };
  Response send(const std::string& method, const std::string& url, const std::string& body,
                const std::string& idempotency_key, const std::string& if_match, const std::string& upload_file);
  nlohmann::json call_once(const std::string& operation, nlohmann::json params, const std::string& upload_file);

  RemoteOptions o_;
  void* curl_;
};

}  // namespace vrathaus
