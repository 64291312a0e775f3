#pragma once
// HTTP/1.1 (and HTTPS) for the REST API, with Boost.Beast on a small Asio thread pool. Sessions
// are asynchronous, so a slow client costs a socket and a few kilobytes, never a thread. Each
// request's head must arrive within the header deadline; the handler then decides on it (on a
// worker) before any body byte is read; bodies are read with the route's cap (chunked ones too)
// within the request deadline (an upload: each 64 KiB within it); operations run on a bounded
// worker pool. Beyond max_connections or a full worker queue the answer is 503 with Retry-After.
#include "api/serve_options.hpp"
#include "server/request_handler.hpp"

#include <functional>
#include <memory>

namespace vrathaus {

class HttpTransport {
public:
  // Loads the TLS certificate and key if given; throws Error(config) when they cannot be used.
  HttpTransport(const ServeOptions& options, RequestHandler& handler);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // Binds exclusively (a port in use is Error(config) naming the address), calls on_listening
  // with the bound port, then serves until stop().
  void run(const std::function<void(int port)>& on_listening);
  void stop();  // from any thread

private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace vrathaus
