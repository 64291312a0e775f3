// `vrathaus import business FILE`: the IT provider's business-customer file, locally or streamed
// to a server. The library validates and applies; this file draws the progress bar, prints the
// summary and copies the rejected rows, unchanged, into the rejects file.
#include "common.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <utility>

namespace vrathaus::cli {
namespace {

using nlohmann::json;

struct ImportOptions {
  std::string file, on_error = "abort", rejects, delimiter, encoding, status;
  std::optional<std::int64_t> limit;
  bool dry_run = false;
};

// A progress bar with rows per second, on stderr, only for a person at a terminal.
class ProgressBar {
public:
  static bool wanted(const Session& session) {
    const char* term = std::getenv("TERM");
    return ::isatty(STDERR_FILENO) && !std::getenv("NO_COLOR") && !(term && std::string(term) == "dumb") &&
           !session.options.quiet;
  }

  void update(const Progress& p) {
    auto now = std::chrono::steady_clock::now();
    auto previous = std::exchange(previous_, now);
    if (p.phase != phase_) {
      // A phase begins when the one before it reported for the last time.
      phase_ = std::string(p.phase);
      phase_start_ = previous;
    } else if (now - last_ < std::chrono::milliseconds(100) && p.done < p.total) {
      return;
    }
    last_ = now;
    double seconds = std::chrono::duration<double>(now - phase_start_).count();
    std::string line = fmt::format("{:<10}", phase_);
    if (p.total > 0) {
      double share = std::min(1.0, double(p.done) / double(p.total));
      int filled = int(share * 30);
      line += fmt::format(" [{}{}] {:3.0f}%", std::string(std::size_t(filled), '#'), std::string(std::size_t(30 - filled), '-'),
                          share * 100);
    }
    if (p.rows > 0) {
      line += fmt::format("  {} rows", p.rows);
      if (seconds > 0) line += fmt::format("  {:.0f} rows/s", double(p.rows) / seconds);
    } else if (p.total > 0 && seconds > 0.2 && p.phase == "uploading") {
      line += fmt::format("  {:.1f} MB/s", double(p.done) / seconds / 1e6);
    }
    std::cerr << "\r" << line << "\033[K" << std::flush;
    drawn_ = true;
  }

  ~ProgressBar() {
    if (drawn_) std::cerr << "\r\033[K" << std::flush;
  }

private:
  std::string phase_;
  std::chrono::steady_clock::time_point previous_ = std::chrono::steady_clock::now(), phase_start_, last_;
  bool drawn_ = false;
};

// The rejects file is opened before the import writes anything: a directory that is missing or
// not writable, or a file already there, stops the run while nothing has changed, instead of
// after thousands of accounts were committed with their rejected rows kept nowhere.
std::optional<AtomicFile> open_rejects(const ImportOptions& o) {
  if (o.rejects.empty() || o.dry_run) return std::nullopt;
  std::error_code ec;
  if (std::filesystem::exists(o.rejects, ec))
    fail(ErrorKind::conflict, "--rejects {}: the file exists; move it away or name another file", o.rejects);
  return std::optional<AtomicFile>(std::in_place, o.rejects, "rejects");
}

// Copies the header and the rejected rows' bytes from `source` into `out`, unchanged, each ending
// with a line break; an AtomicFile, so a half-written rejects file never exists.
void write_rejects(const std::string& source, AtomicFile& out, const json& result) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(source.c_str(), "rb"), &std::fclose);
  if (!in) fail(ErrorKind::invalid, "cannot read {} to copy its rejected rows", source);
  std::string buffer(1 << 16, '\0');
  std::string eol = "\n";
  auto copy = [&](std::uint64_t offset, std::uint64_t length, bool header) {
    if (std::fseek(in.get(), long(offset), SEEK_SET) != 0) fail(ErrorKind::invalid, "{} is shorter than the import saw", source);
    char last = '\n', before_last = 0;
    while (length > 0) {
      std::size_t n = std::fread(buffer.data(), 1, std::size_t(std::min<std::uint64_t>(length, buffer.size())), in.get());
      if (n == 0) fail(ErrorKind::invalid, "{} changed since it was imported: its rejected rows cannot be copied", source);
      out.write(std::string_view(buffer.data(), n));
      before_last = n > 1 ? buffer[n - 2] : last;
      last = buffer[n - 1];
      length -= n;
    }
    // The rows end the way the file's lines end; a last row without a line break gets one.
    if (header && last == '\n') eol = before_last == '\r' ? "\r\n" : "\n";
    if (header && last == '\r') eol = "\r";
    if (last != '\n' && last != '\r') out.write(eol);
  };
  copy(0, result["header_length"].get<std::uint64_t>(), true);  // from byte 0: a BOM stays
  for (const auto& range : result["reject_ranges"]) copy(range[0].get<std::uint64_t>(), range[1].get<std::uint64_t>(), false);
  out.commit();
}

std::string first_error(const json& result) {
  if (!result.contains("errors") || result["errors"].empty()) return "";
  const auto& e = result["errors"][0];
  std::string column = e["column"].is_string() ? e["column"].get<std::string>() + ": " : "";
  return fmt::format("line {}, {}{}", e["line"].get<std::int64_t>(), column, e["message"].get<std::string>());
}

// For people: the plan (dry run), the counts, and each error as FILE:LINE: column: message.
void print_table(const json& result) {
  if (result.contains("plan")) {
    json rows = json::array();
    for (const auto& p : result["plan"]) {
      json row{{"line", p["line"]}, {"action", p["action"]}, {"customer_no", p["customer_no"]},
               {"account_id", p.value("account_id", json(nullptr))}};
      row["changes"] = p.contains("changes") ? p["changes"] : json(nullptr);
      row["reason"] = p.value("reason", "");
      rows.push_back(row);
    }
    if (!rows.empty()) std::cout << render(rows, "table", {{"line", "action", "customer_no", "account_id", "changes", "reason"}});
  }
  json counts = json::object();
  for (const char* k : {"file", "sha256", "rows", "created", "updated", "unchanged", "rejected", "imported", "run"})
    counts[k] = result.value(k, json(nullptr));
  std::cout << render(counts, "table", {});
  auto file = result["file"].get<std::string>();
  for (const auto& e : result["errors"]) {
    std::string column = e["column"].is_string() ? e["column"].get<std::string>() + ": " : "";
    std::cout << fmt::format("{}:{}: {}{}\n", file, e["line"].get<std::int64_t>(), column, e["message"].get<std::string>());
  }
  if (result.contains("errors_omitted"))
    std::cout << fmt::format("… and {} more errors\n", result["errors_omitted"].get<std::int64_t>());
}

void run_import(Session& session, const ImportOptions& o) {
  json params{{"name", o.file}, {"on_error", o.on_error}};
  put(params, "delimiter", o.delimiter);
  put(params, "encoding", o.encoding);
  if (o.dry_run) params["dry_run"] = true;
  std::error_code ec;
  if (!std::filesystem::exists(o.file, ec)) fail(ErrorKind::not_found, "{}: no such file", o.file);
  if (!std::filesystem::is_regular_file(o.file, ec))
    fail(ErrorKind::invalid, "{}: not a regular file (a CSV file is expected)", o.file);
  auto rejects_file = open_rejects(o);

  auto& backend = session.backend();
  std::unique_ptr<ProgressBar> bar;
  if (ProgressBar::wanted(session)) {
    bar = std::make_unique<ProgressBar>();
    backend.set_progress([&bar](const Progress& p) { bar->update(p); });
  }
  auto result = session.call_with_file("import.business", params, o.file);
  backend.set_progress({});
  bar.reset();

  auto rejected = result["rejected"].get<std::int64_t>();
  if (rejects_file && rejected > 0) write_rejects(o.file, *rejects_file, result);

  // The byte ranges are for copying the rejects; they are not part of the printed summary.
  result.erase("header_length");
  result.erase("reject_ranges");
  if (session.output_format() == "table")
    print_table(result);
  else
    print_result(session, result);

  bool abort_mode = result["on_error"] == "abort";
  if (o.dry_run) session.info("dry run: nothing was changed");
  if (rejected > 0 && abort_mode) {
    session.error(fmt::format("{}: {} invalid row{} ({}); nothing {}imported", o.file, rejected,
                              rejected == 1 ? "" : "s", first_error(result), o.dry_run ? "would be " : ""));
    session.exit_status = exit_code(ErrorKind::invalid);
  } else if (rejected > 0) {
    session.warn(fmt::format("{}: {} row{} rejected{}", o.file, rejected, rejected == 1 ? "" : "s",
                             o.rejects.empty() || o.dry_run ? "" : ", written to " + o.rejects));
    session.problems();
  }
}

}  // namespace

void add_import_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<ImportOptions>();
  auto* group = app.add_subcommand("import", "Bulk imports from the city's IT provider");
  group->require_subcommand(1);

  auto* business = group->add_subcommand("business", "Import business customers from a CSV file");
  business->add_option("file", o->file, "The CSV file (UTF-8 or Windows-1252, ';' or ',', with a header row)")->required();
  add_dry_run(business, o->dry_run);
  business->add_option("--on-error", o->on_error, "abort: any invalid row imports nothing (default); skip: import the valid rows")
      ->check(CLI::IsMember({"abort", "skip"}));
  business->add_option("--rejects", o->rejects, "Write the rejected rows, unchanged and after the header, to this file");
  business->add_option("--delimiter", o->delimiter, "';' or ',' (default: detected from the header)")
      ->check(CLI::IsMember({";", ","}));
  business->add_option("--encoding", o->encoding, "utf-8 or windows-1252 (default: detected)")
      ->check(CLI::IsMember({"utf-8", "windows-1252"}));
  examples(business,
           "  vrathaus --as importer import business kunden-2026-11.csv --dry-run\n"
           "  vrathaus --as importer import business kunden-2026-11.csv --on-error skip --rejects kunden-2026-11.rejects.csv\n"
           "  vrathaus --remote https://vrathaus.intern:8443 --token-file ~/.config/vrathaus/token \\\n"
           "      import business kunden.csv -o json\n"
           "Exit status: 0 imported, 1 imported with rejected rows (--on-error skip), 5 invalid rows and nothing\n"
           "imported (the default --on-error abort), 4 the file or the store changed during the import.");
  business->callback([&session, o] { run_import(session, *o); });

  auto* runs = group->add_subcommand("runs", "The import runs: file, who ran it, running or done, what each did");
  runs->add_option("--status", o->status, "running (also: killed, not yet resumed) or done")
      ->check(CLI::IsMember({"running", "done"}));
  add_limit(runs, o->limit);
  examples(runs, "  vrathaus --as importer import runs --status running");
  runs->callback([&session, o] {
    json p = json::object();
    put(p, "status", o->status);
    put(p, "limit", o->limit);
    call_and_print(session, "import.runs", p,
                   {{"id", "file", "actor", "status", "rows", "created", "updated", "rejected", "started_at", "finished_at"}});
  });
}

}  // namespace vrathaus::cli
