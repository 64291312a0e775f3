// `vrathaus serve`: the REST API on the local store.
#include "common.hpp"
#include "core/error.hpp"
#include "api/api_server.hpp"
#include "remote/remote_backend.hpp"

#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

namespace vrathaus::cli {
namespace {

struct ServeCliOptions {
  std::string listen = "127.0.0.1:8080";
  std::string tls_cert, tls_key, tls_client_ca, port_file;
  // Override the config's serve section (0: keep it).
  int header_timeout = 0, request_timeout = 0, max_connections = 0;
};


std::pair<std::string, int> split_listen(const std::string& listen) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) fail(ErrorKind::usage, "--listen {}: expected HOST:PORT", listen);
  auto host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  try {
    std::size_t used = 0;
    int port = std::stoi(listen.substr(colon + 1), &used);
    if (used == listen.size() - colon - 1 && port >= 0 && port <= 65535) return {host, port};
  } catch (const std::exception&) {
  }
  fail(ErrorKind::usage, "--listen {}: the port must be a number from 0 to 65535", listen);
}

void serve(Session& session, const ServeCliOptions& o) {
  auto& local = session.local("serve");
  (void)local;
  const auto& s = session.settings();
  ServeOptions so;
  std::tie(so.host, so.port) = split_listen(o.listen);
  so.tls_cert = o.tls_cert;
  so.tls_key = o.tls_key;
  so.tls_client_ca = o.tls_client_ca;
  so.db_path = s.get("db").value;
  so.city = s.city;
  so.clock = session.clock();
  so.limits = s.serve;
  if (o.header_timeout > 0) so.limits.header_timeout_seconds = o.header_timeout;
  if (o.request_timeout > 0) so.limits.request_timeout_seconds = o.request_timeout;
  if (o.max_connections > 0) so.limits.max_connections = o.max_connections;
  if (so.tls_cert.empty() && !is_loopback_host(so.host))
    session.warn("serve: listening on " + so.host + " without TLS: API tokens and personal data cross the network in "
                 "clear text (use --tls-cert and --tls-key)");

  // SIGINT and SIGTERM stop the server cleanly: blocked here, awaited by one thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  ApiServer server(so);
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server.stop();
  });
  try {
    server.run([&](int port) {
      session.info("vrathaus serve: listening on " + std::string(so.tls_cert.empty() ? "http" : "https") + "://" + so.host +
                   ":" + std::to_string(port));
      if (!o.port_file.empty()) std::ofstream(o.port_file) << port << "\n";
    });
  } catch (...) {
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    throw;
  }
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
}

}  // namespace

void add_serve_command(CLI::App& app, Session& session) {
  auto o = std::make_shared<ServeCliOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the REST API (/api/v1) on the local store");
  cmd->add_option("--listen", o->listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0 picks a free one)");
  cmd->add_option("--tls-cert", o->tls_cert, "PEM certificate for HTTPS");
  cmd->add_option("--tls-key", o->tls_key, "PEM private key for HTTPS");
  cmd->add_option("--tls-client-ca", o->tls_client_ca,
                  "PEM CA of client certificates: clients may present one, staff records that require one must");
  cmd->add_option("--port-file", o->port_file, "Write the bound port to this file (for scripts and tests)");
  cmd->add_option("--header-timeout", o->header_timeout, "Seconds a client has to send a request's headers (serve.header_timeout_seconds, default 10)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--request-timeout", o->request_timeout,
                  "Seconds for a JSON body, for each 64 KiB of an upload and for sending the answer (serve.request_timeout_seconds, default 30)")
      ->check(CLI::Range(1, 3600));
  cmd->add_option("--max-connections", o->max_connections, "Open connections held at most; beyond, 503 (serve.max_connections, default 256)")
      ->check(CLI::Range(1, 100000));
  examples(cmd, "  vrathaus --db /var/lib/vrathaus/vrathaus.db serve --listen 127.0.0.1:8080\n"
                "  vrathaus serve --listen 0.0.0.0:8443 --tls-cert /etc/vrathaus/tls.crt --tls-key /etc/vrathaus/tls.key");
  cmd->callback([&session, o] { serve(session, *o); });
}

}  // namespace vrathaus::cli
