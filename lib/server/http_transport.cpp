#include "server/http_transport.hpp"

#include "core/error.hpp"
#include "server/access_log.hpp"
#include "server/http_target.hpp"
#include "server/worker_pool.hpp"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <filesystem>
#include <limits>
#include <optional>
#include <thread>
#include <type_traits>

namespace vrathaus {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using std::chrono::seconds;

namespace {

// Asio threads: they only parse and copy bytes (operations run on the worker pool).
constexpr int kIoThreads = 2;
constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr int kRetryAfterSeconds = 1;

// Beyond max_connections the server writes this and closes, without reading the request.
const std::string kTooManyConnections = [] {
  std::string body =
      R"({"type":"urn:vrathaus:problem:busy","title":"Server busy","status":503,"detail":"too many connections; try again shortly","code":8})";
  return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\nRetry-After: " +
         std::to_string(kRetryAfterSeconds) + "\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}();

bool is_http_error(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

void write_access_log(const std::string& line) {
  // One write per line: lines from concurrent requests must not interleave.
  for (std::size_t done = 0; done < line.size();) {
    auto n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
    if (n <= 0) return;
    done += std::size_t(n);
  }
}

// SHA-256 (lower-case hex) of the DER encoding of the client's certificate, verified against
// --tls-client-ca during the handshake; "" when the client presented none.
std::string peer_certificate_sha256(SSL* ssl) {
  X509* cert = SSL_get1_peer_certificate(ssl);
  if (!cert) return {};
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  bool ok = X509_digest(cert, EVP_sha256(), digest, &size) == 1;
  X509_free(cert);
  if (!ok || SSL_get_verify_result(ssl) != X509_V_OK) return {};
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < size; ++i) out += {hex[digest[i] >> 4], hex[digest[i] & 15]};
  return out;
}

// An upload's spool file: private, unlinked at once (a killed server leaves nothing behind in
// the temporary directory), reached by the operation through /proc/self/fd.
int open_spool_file() {
  std::string path = (std::filesystem::temp_directory_path() / "vrathaus-upload-XXXXXX").string();
  int fd = ::mkstemp(path.data());
  if (fd >= 0) ::unlink(path.c_str());
  return fd;
}

// What every session shares; owned by the transport, outlives every session.
struct Shared {
  ServeLimits limits;
  RequestHandler& handler;
  std::atomic<int> connections{0};
  std::unique_ptr<WorkerPool> workers;
};

template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
public:
  Session(Stream stream, Shared& shared, std::string client)
      : stream_(std::move(stream)), shared_(shared), client_(std::move(client)) {
    ++shared_.connections;
  }
  ~Session() {
    close_spool();
    --shared_.connections;
  }

  void start() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::begin, this->shared_from_this()));
  }

private:
  static constexpr bool kTls = !std::is_same_v<Stream, beast::tcp_stream>;

  beast::tcp_stream& socket_layer() { return beast::get_lowest_layer(stream_); }

  void begin() {
    if constexpr (kTls) {
      socket_layer().expires_after(seconds(shared_.limits.header_timeout_seconds));
      stream_.async_handshake(ssl::stream_base::server, beast::bind_front_handler(&Session::on_handshake, this->shared_from_this()));
    } else {
      read_request();
    }
  }

  void on_handshake(beast::error_code ec) {
    if (ec) return close();
    if constexpr (kTls) client_cert_sha256_ = peer_certificate_sha256(stream_.native_handle());
    read_request();
  }

  void read_request() {
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    // No cap yet: a Content-Length over it would fail the head before the handler could say
    // 401 or 413; on_admitted() sets the route's cap before any body byte is read.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    json_body_.clear();
    close_spool();
    // The whole head, however it is dribbled, within the header deadline (also the idle limit
    // of a kept-alive connection).
    socket_layer().expires_after(seconds(shared_.limits.header_timeout_seconds));
    http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_header, this->shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    started_ = std::chrono::steady_clock::now();
    request_id_ = new_request_id();
    head_ = RequestHead{};
    head_.client = client_;
    head_.client_cert_sha256 = client_cert_sha256_;
    if (ec) {
      // A malformed head (duplicate Content-Length, Content-Length with Transfer-Encoding, an
      // oversized header …) is answered; a timeout or a vanished client is just closed.
      if (is_http_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message)
        return send(RequestHandler::problem(ErrorKind::usage, "malformed HTTP request: " + ec.message()), true);
      return close();
    }
    auto& req = parser_->get();
    head_.method = std::string(req.method_string());
    head_.target = std::string(req.target());
    head_.authorization = std::string(req[http::field::authorization]);
    head_.content_type = std::string(req[http::field::content_type]);
    head_.if_match = std::string(req[http::field::if_match]);
    head_.idempotency_key = std::string(req["Idempotency-Key"]);
    if (auto length = parser_->content_length()) head_.content_length = *length;
    head_.has_body = parser_->chunked() || (head_.content_length && *head_.content_length > 0);
    keep_alive_ = req.keep_alive();
    expect_continue_ = beast::iequals(req[http::field::expect], "100-continue");

    // Framing the parser would otherwise settle by its own rules is refused outright: two
    // components disagreeing on where a body ends is how requests are smuggled.
    bool has_length = req.count(http::field::content_length) > 0;
    bool has_encoding = req.count(http::field::transfer_encoding) > 0;
    if (req.count(http::field::content_length) > 1 || (has_length && has_encoding) || (has_encoding && !parser_->chunked()))
      return send(RequestHandler::problem(ErrorKind::usage, "conflicting Content-Length / Transfer-Encoding headers"), true);

    if (auto reply = shared_.handler.immediate(head_)) return send(std::move(*reply), head_.has_body);
    socket_layer().expires_never();  // the worker's time is the store's business, not the client's
    auto self = this->shared_from_this();
    if (!shared_.workers->try_post([self] { self->admit(); }))
      send(RequestHandler::overloaded("the server is busy; try again shortly", kRetryAfterSeconds), true);
  }

  // On a worker.
  void admit() {
    admission_ = shared_.handler.admit(head_);
    if (!admission_.reply && admission_.body == BodyUse::none) {
      reply_ = shared_.handler.complete(head_, admission_, {}, -1);
      return net::post(stream_.get_executor(), beast::bind_front_handler(&Session::send_reply, this->shared_from_this()));
    }
    net::post(stream_.get_executor(), beast::bind_front_handler(&Session::on_admitted, this->shared_from_this()));
  }

  void on_admitted() {
    if (admission_.reply) return send(std::move(*admission_.reply), head_.has_body);
    parser_->body_limit(admission_.body_limit);
    if (admission_.body == BodyUse::upload) {
      spool_fd_ = open_spool_file();
      if (spool_fd_ < 0) return send(RequestHandler::problem(ErrorKind::internal, "cannot create a spool file for the upload"), true);
    }
    // A JSON body must arrive whole within the request deadline; an upload each 64 KiB of it.
    socket_layer().expires_after(seconds(shared_.limits.request_timeout_seconds));
    if (!expect_continue_) return read_body();
    continue_.emplace(http::status::continue_, 11);
    http::async_write(stream_, *continue_, beast::bind_front_handler(&Session::on_continue_sent, this->shared_from_this()));
  }

  void on_continue_sent(beast::error_code ec, std::size_t) {
    if (ec) return close();
    read_body();
  }

  void read_body() {
    if (parser_->is_done()) return body_done();
    if (admission_.body == BodyUse::upload) socket_layer().expires_after(seconds(shared_.limits.request_timeout_seconds));
    parser_->get().body().data = chunk_.data();
    parser_->get().body().size = chunk_.size();
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_body, this->shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec == http::error::need_buffer) ec = {};
    if (ec == http::error::body_limit)
      return send(RequestHandler::problem(ErrorKind::too_large, fmt::format("request bodies here are limited to {} bytes", admission_.body_limit)), true);
    if (ec) {
      if (is_http_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message)
        return send(RequestHandler::problem(ErrorKind::usage, "malformed HTTP body: " + ec.message()), true);
      return close();
    }
    auto got = chunk_.size() - parser_->get().body().size;
    if (admission_.body == BodyUse::json) {
      json_body_.append(chunk_.data(), got);
    } else {
      for (std::size_t done = 0; done < got;) {
        auto n = ::write(spool_fd_, chunk_.data() + done, got - done);
        if (n <= 0) return send(RequestHandler::problem(ErrorKind::internal, "the upload could not be stored"), true);
        done += std::size_t(n);
      }
    }
    read_body();
  }

  void body_done() {
    socket_layer().expires_never();
    auto self = this->shared_from_this();
    bool posted = shared_.workers->try_post([self] {
      self->reply_ = self->shared_.handler.complete(self->head_, self->admission_, self->json_body_, self->spool_fd_);
      net::post(self->stream_.get_executor(), beast::bind_front_handler(&Session::send_reply, self));
    });
    if (!posted) send(RequestHandler::overloaded("the server is busy; try again shortly", kRetryAfterSeconds), false);
  }

  void send_reply() { send(std::move(reply_), false); }

  // `close_after`: the request's body was not read (or cannot be trusted), so the connection
  // cannot carry another request.
  void send(Reply reply, bool close_after) {
    response_ = {};
    response_.version(11);
    response_.result(static_cast<unsigned>(reply.status));
    response_.set(http::field::content_type, reply.content_type);
    response_.set("X-Request-Id", request_id_);
    for (auto& [name, value] : reply.headers) response_.set(name, value);
    response_.body() = std::move(reply.body);
    response_.keep_alive(keep_alive_ && !close_after);
    response_.prepare_payload();
    // Logged before it is sent: once a client has its answer, the line is in the log.
    write_access_log(access_log_line({std::chrono::system_clock::now(), request_id_, client_, admission_.token_id,
                                      head_.method, head_.target, int(response_.result_int()), response_.body().size(),
                                      std::chrono::steady_clock::now() - started_}));
    socket_layer().expires_after(seconds(shared_.limits.request_timeout_seconds));
    http::async_write(stream_, response_, beast::bind_front_handler(&Session::on_written, this->shared_from_this()));
  }

  void on_written(beast::error_code ec, std::size_t) {
    admission_ = Admission{};
    close_spool();
    if (ec || !response_.keep_alive()) return close();
    read_request();
  }

  void close_spool() {
    if (spool_fd_ >= 0) ::close(spool_fd_);
    spool_fd_ = -1;
  }

  void close() {
    beast::error_code ignored;
    socket_layer().socket().shutdown(tcp::socket::shutdown_send, ignored);
    socket_layer().close();
  }

  Stream stream_;
  Shared& shared_;
  std::string client_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::buffer_body>> parser_;
  std::array<char, 64 * 1024> chunk_;
  std::optional<http::response<http::empty_body>> continue_;
  http::response<http::string_body> response_;
  RequestHead head_;
  Admission admission_;
  Reply reply_;
  std::string json_body_;
  std::string request_id_;
  std::string client_cert_sha256_;
  int spool_fd_ = -1;
  bool keep_alive_ = false;
  bool expect_continue_ = false;
  std::chrono::steady_clock::time_point started_;
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
  Listener(net::io_context& ioc, tcp::acceptor acceptor, ssl::context* tls, Shared& shared)
      : ioc_(ioc), acceptor_(std::move(acceptor)), retry_(ioc), tls_(tls), shared_(shared) {}

  void accept() {
    acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&Listener::on_accept, shared_from_this()));
  }

private:
  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (ec) {
      // Out of file descriptors or the like: try again shortly instead of spinning.
      retry_.expires_after(std::chrono::milliseconds(100));
      retry_.async_wait([self = shared_from_this()](beast::error_code wait) {
        if (!wait) self->accept();
      });
      return;
    }
    if (shared_.connections.load() >= shared_.limits.max_connections) {
      refuse(std::move(socket));
    } else {
      beast::error_code ignored;
      auto client = socket.remote_endpoint(ignored).address().to_string();
      socket.set_option(tcp::no_delay(true), ignored);  // small answers go out at once, not after a delayed ACK
      if (tls_)
        std::make_shared<Session<beast::ssl_stream<beast::tcp_stream>>>(
            beast::ssl_stream<beast::tcp_stream>(beast::tcp_stream(std::move(socket)), *tls_), shared_, client)
            ->start();
      else
        std::make_shared<Session<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), shared_, client)->start();
    }
    accept();
  }

  // Over the connection limit: a plain client is told 503 and when to come back; a TLS client
  // would need a handshake first, which is what the limit saves, so it is just closed.
  void refuse(tcp::socket socket) {
    auto stream = std::make_shared<beast::tcp_stream>(std::move(socket));
    if (tls_) return;
    stream->expires_after(seconds(1));
    net::async_write(*stream, net::buffer(kTooManyConnections), [stream](beast::error_code, std::size_t) {
      beast::error_code ignored;
      stream->socket().shutdown(tcp::socket::shutdown_send, ignored);
    });
  }

  net::io_context& ioc_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_;
  ssl::context* tls_;
  Shared& shared_;
};

}  // namespace

struct HttpTransport::State {
  ServeOptions options;
  Shared shared;
  std::optional<ssl::context> tls;
  net::io_context ioc{kIoThreads};  // last: its pending handlers hold sessions, which use the above

  State(const ServeOptions& o, RequestHandler& handler) : options(o), shared{o.limits, handler, {}, nullptr} {}
};

HttpTransport::HttpTransport(const ServeOptions& options, RequestHandler& handler)
    : state_(std::make_unique<State>(options, handler)) {
  const auto& o = state_->options;
  if (o.tls_cert.empty() && o.tls_key.empty()) {
    if (!o.tls_client_ca.empty()) fail(ErrorKind::config, "--tls-client-ca needs --tls-cert and --tls-key");
    return;
  }
  if (o.tls_cert.empty() || o.tls_key.empty()) fail(ErrorKind::config, "TLS needs both --tls-cert and --tls-key");
  try {
    auto& tls = state_->tls.emplace(ssl::context::tls_server);
    tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                    ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    tls.use_certificate_chain_file(o.tls_cert);
    tls.use_private_key_file(o.tls_key, ssl::context::pem);
  } catch (const boost::system::system_error& e) {
    fail(ErrorKind::config, "cannot load the TLS certificate {} or key {}: {}", o.tls_cert, o.tls_key, e.code().message());
  }
  if (o.tls_client_ca.empty()) return;
  try {
    // Asked for, not demanded: most clients present none; the staff records that need one say so.
    state_->tls->load_verify_file(o.tls_client_ca);
    state_->tls->set_verify_mode(ssl::verify_peer);
  } catch (const boost::system::system_error& e) {
    fail(ErrorKind::config, "cannot load the client CA {}: {}", o.tls_client_ca, e.code().message());
  }
}

HttpTransport::~HttpTransport() = default;

void HttpTransport::run(const std::function<void(int port)>& on_listening) {
  auto& s = *state_;
  const auto& o = s.options;
  std::string where = (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host) + ":" + std::to_string(o.port);
  beast::error_code ec;
  auto address = net::ip::make_address(o.host, ec);
  if (ec) {
    tcp::resolver resolver(s.ioc);
    auto found = resolver.resolve(o.host, std::to_string(o.port), ec);
    if (ec || found.empty()) fail(ErrorKind::config, "cannot listen on {}: {}", where, ec ? ec.message() : "no address");
    address = found.begin()->endpoint().address();
  }
  tcp::endpoint endpoint(address, static_cast<unsigned short>(o.port));
  tcp::acceptor acceptor(s.ioc);
  acceptor.open(endpoint.protocol(), ec);
  // SO_REUSEADDR only lets a restarted server bind past connections in TIME_WAIT; two listeners
  // on one port would need SO_REUSEPORT, which is never set: the second one fails here.
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) fail(ErrorKind::config, "cannot listen on {}: {}", where, ec.message());
  int port = acceptor.local_endpoint().port();

  s.shared.workers = std::make_unique<WorkerPool>(o.limits.workers, std::size_t(8) * std::size_t(o.limits.workers));
  std::make_shared<Listener>(s.ioc, std::move(acceptor), s.tls ? &*s.tls : nullptr, s.shared)->accept();
  on_listening(port);
  std::vector<std::thread> threads;
  for (int i = 1; i < kIoThreads; ++i) threads.emplace_back([&s] { s.ioc.run(); });
  s.ioc.run();
  for (auto& t : threads) t.join();
  s.shared.workers->stop();
}

void HttpTransport::stop() { state_->ioc.stop(); }

}  // namespace vrathaus
