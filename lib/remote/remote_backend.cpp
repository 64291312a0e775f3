#include "remote/remote_backend.hpp"

#include "api/operation.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "remote/curl_library.hpp"
#include "api/problem.hpp"


#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

namespace vrathaus {
namespace {

using nlohmann::json;

std::string escape(CURL* curl, const std::string& text) {
  char* e = curl_library().easy_escape(curl, text.c_str(), int(text.size()));
  std::string out(e ? e : "");
  curl_library().free(e);
  return out;
}

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) out += (out.empty() ? "" : ",") + scalar_text(e);
    return out;
  }
  return v.dump();
}

std::size_t collect(char* data, std::size_t size, std::size_t n, void* target) {
  static_cast<std::string*>(target)->append(data, size * n);
  return size * n;
}

// Watches an upload: a stalled upload is cut off after the request timeout (and retried like a
// timeout), but once the file is sent the server may take as long as a big import takes — a
// low-speed limit would cut the wait for its answer off and send the file again. Also feeds the
// CLI's progress bar.
// How long the server may work on an uploaded file (a bulk import of millions of rows) before
// the client gives up waiting for its answer.
constexpr std::chrono::milliseconds kImportAnswerLimit = std::chrono::hours(2);

struct UploadWatch {
  const ProgressFn* progress;
  std::chrono::milliseconds stall_limit, answer_limit;
  curl_off_t last_sent = -1;
  std::chrono::steady_clock::time_point last_change = std::chrono::steady_clock::now();
  bool timed_out = false;
};

int watch_upload(void* target, curl_off_t, curl_off_t, curl_off_t total, curl_off_t sent) {
  auto& w = *static_cast<UploadWatch*>(target);
  auto now = std::chrono::steady_clock::now();
  if (sent != w.last_sent) {
    w.last_sent = sent;
    w.last_change = now;
  }
  bool sent_all = total > 0 && sent >= total;
  if (now - w.last_change > (sent_all ? w.answer_limit : w.stall_limit)) {
    w.timed_out = true;
    return 1;  // abort the transfer
  }
  if (*w.progress && total > 0) (*w.progress)({sent_all ? "server" : "uploading", std::uint64_t(sent), std::uint64_t(total), 0});
  return 0;
}

std::size_t read_file(char* buffer, std::size_t size, std::size_t n, void* file) {
  return std::fread(buffer, size, n, static_cast<FILE*>(file));
}

// Failures worth another try: the request may not have reached the server, or it was busy.
bool transient(CURLcode code) {
  return code == CURLE_COULDNT_CONNECT || code == CURLE_OPERATION_TIMEDOUT || code == CURLE_RECV_ERROR ||
         code == CURLE_SEND_ERROR || code == CURLE_GOT_NOTHING || code == CURLE_COULDNT_RESOLVE_HOST ||
         code == CURLE_PARTIAL_FILE;
}

}  // namespace

std::string url_host(const std::string& url) {
  auto start = url.find("://");
  start = start == std::string::npos ? 0 : start + 3;
  auto authority = url.substr(start, url.find_first_of("/?#", start) - start);
  if (auto at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
  if (!authority.empty() && authority.front() == '[') return authority.substr(1, authority.find(']') - 1);
  return authority.substr(0, authority.find(':'));
}

bool is_loopback_host(const std::string& host) {
  std::string h;
  for (char c : host) h += char(std::tolower(static_cast<unsigned char>(c)));
  bool ipv4_literal = h.find_first_not_of("0123456789.") == std::string::npos &&
                      std::count(h.begin(), h.end(), '.') == 3;
  return h == "localhost" || h == "::1" || (ipv4_literal && h.rfind("127.", 0) == 0);
}

RemoteBackend::RemoteBackend(RemoteOptions options) : o_(std::move(options)) {
  // The URL is checked before the curl handle exists: a constructor that throws runs no
  // destructor, so a handle made first would be left behind.
  while (!o_.base_url.empty() && o_.base_url.back() == '/') o_.base_url.pop_back();
  if (o_.base_url.rfind("http://", 0) != 0 && o_.base_url.rfind("https://", 0) != 0)
    fail(ErrorKind::config, "--remote {}: expected an http:// or https:// URL", o_.base_url);
  // A bearer token over plain HTTP is anyone's who can see the traffic: only to this machine,
  // unless the operator says otherwise.
  if (o_.base_url.rfind("http://", 0) == 0 && !is_loopback_host(url_host(o_.base_url)) && !o_.insecure_http)
    fail(ErrorKind::config,
         "--remote {}: refusing to send the API token over plain http:// to {}; use https:// or --insecure-http",
         o_.base_url, url_host(o_.base_url));
  curl_ = curl_library().easy_init();
  if (!curl_) fail(ErrorKind::internal, "libcurl could not be initialised");
}

RemoteBackend::~RemoteBackend() { curl_library().easy_cleanup(static_cast<CURL*>(curl_)); }

RemoteBackend::Response RemoteBackend::send(const std::string& method, const std::string& url, const std::string& body,
                                            const std::string& idempotency_key, const std::string& if_match,
                                            const std::string& upload_file) {
  auto* curl = static_cast<CURL*>(curl_);
  Response response;
  for (int attempt = 0;; ++attempt) {
    curl_library().easy_reset(curl);
    response.body.clear();
    curl_slist* headers = nullptr;
    headers = curl_library().slist_append(headers, ("Authorization: Bearer " + o_.token).c_str());
    headers = curl_library().slist_append(headers, "Accept: application/json");
    if (!idempotency_key.empty()) headers = curl_library().slist_append(headers, ("Idempotency-Key: " + idempotency_key).c_str());
    if (!if_match.empty()) headers = curl_library().slist_append(headers, ("If-Match: \"" + if_match + "\"").c_str());
    std::unique_ptr<FILE, int (*)(FILE*)> upload(nullptr, &std::fclose);
    UploadWatch watch{&progress_, {}, {}};
    curl_library().easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_library().easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_library().easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_library().easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(o_.connect_timeout_ms));
    curl_library().easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_library().easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_library().easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_library().easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!o_.ca_file.empty()) curl_library().easy_setopt(curl, CURLOPT_CAINFO, o_.ca_file.c_str());
    if (!upload_file.empty()) {
      upload.reset(std::fopen(upload_file.c_str(), "rb"));
      if (!upload) fail(ErrorKind::not_found, "cannot read {}", upload_file);
      std::fseek(upload.get(), 0, SEEK_END);
      auto size = std::ftell(upload.get());
      std::fseek(upload.get(), 0, SEEK_SET);
      headers = curl_library().slist_append(headers, "Content-Type: text/csv");
      headers = curl_library().slist_append(headers, "Expect:");
      curl_library().easy_setopt(curl, CURLOPT_UPLOAD, 1L);
      curl_library().easy_setopt(curl, CURLOPT_READFUNCTION, read_file);
      curl_library().easy_setopt(curl, CURLOPT_READDATA, upload.get());
      curl_library().easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(size));
      // Large uploads take as long as they take; a stalled one is cut off instead (UploadWatch).
      watch = UploadWatch{&progress_, std::chrono::milliseconds(o_.request_timeout_ms), kImportAnswerLimit};
      curl_library().easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, watch_upload);
      curl_library().easy_setopt(curl, CURLOPT_XFERINFODATA, &watch);
      curl_library().easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    } else {
      curl_library().easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(o_.request_timeout_ms));
      if (!body.empty()) {
        headers = curl_library().slist_append(headers, "Content-Type: application/json");
        curl_library().easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
        curl_library().easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(body.size()));
      }
    }
    curl_library().easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    CURLcode code = curl_library().easy_perform(curl);
    if (code == CURLE_ABORTED_BY_CALLBACK && watch.timed_out) code = CURLE_OPERATION_TIMEDOUT;
    curl_library().slist_free_all(headers);
    if (code == CURLE_OK) curl_library().easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    bool retry = (code != CURLE_OK && transient(code)) || (code == CURLE_OK && response.status == 503);
    // Only changes carrying an Idempotency-Key (or reads) are safe to send again.
    bool safe = method == "GET" || !idempotency_key.empty();
    if (retry && safe && attempt < o_.retries) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200 << attempt));  // 0.2, 0.4, 0.8, 1.6 s
      continue;
    }
    if (code != CURLE_OK)
      fail(ErrorKind::unreachable, "{} is unreachable: {}", o_.base_url, curl_library().easy_strerror(code));
    return response;
  }
}

json RemoteBackend::call_once(const std::string& operation, json params, const std::string& upload_file) {
  const auto& op = operations().find(operation);
  if (op.local_only) fail(ErrorKind::usage, "{} works on a local store only", operation);
  auto* curl = static_cast<CURL*>(curl_);
  std::string path = op.path;
  for (auto open = path.find('{'); open != std::string::npos; open = path.find('{')) {
    auto close = path.find('}', open);
    auto key = path.substr(open + 1, close - open - 1);
    if (!params.contains(key)) fail_field(key, "is required");
    path.replace(open, close - open + 1, escape(curl, scalar_text(params[key])));
    params.erase(key);
  }
  std::string if_match;
  if (params.contains("if_version")) if_match = scalar_text(params["if_version"]), params.erase("if_version");
  std::string url = o_.base_url + "/api/v1" + path, body;
  bool query = op.method == "GET" || op.method == "DELETE" || op.streamed_body;
  if (query) {
    char sep = '?';
    for (auto& [k, v] : params.items()) {
      if (v.is_null()) continue;
      url += sep + escape(curl, k) + "=" + escape(curl, scalar_text(v));
      sep = '&';
    }
  } else {
    body = params.dump();
  }
  // One key per logical change, reused by every retry of it: the server applies it once.
  std::string key = op.effect == Effect::write ? random_hex(16) : "";
  auto response = send(op.method, url, body, key, if_match, upload_file);
  if (response.status >= 400) throw error_from_problem(int(response.status), response.body);
  auto result = json::parse(response.body, nullptr, false);
  if (result.is_discarded()) fail(ErrorKind::unreachable, "the server's answer is not JSON (HTTP {})", response.status);
  return result;
}

json RemoteBackend::call(const std::string& operation, const json& params) {
  const auto& op = operations().find(operation);
  if (!op.paged || params.contains("limit")) return call_once(operation, params, "");
  // Follow every page: a list is printed whole unless --limit cuts it.
  json all = json::array(), page_params = params;
  page_params["limit"] = o_.page_size;
  for (;;) {
    auto page = call_once(operation, page_params, "");
    for (auto& item : page["items"]) all.push_back(std::move(item));
    if (!page.contains("next") || page["next"].is_null()) break;
    page_params["cursor"] = page["next"];
  }
  return {{"items", std::move(all)}, {"next", nullptr}};
}

json RemoteBackend::call_with_file(const std::string& operation, const json& params, const std::string& file) {
  return call_once(operation, params, file);
}

}  // namespace vrathaus
