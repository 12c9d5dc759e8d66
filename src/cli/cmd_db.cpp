// SPDX-License-Identifier: Apache-2.0
// `shieldwall db update|import|status`: the advisory database (src/vuln/store). `update` downloads
// osv.dev's per-ecosystem archives and the CISA KEV catalog (conditional requests, verified, the
// store swapped atomically); `import` ADDS offline sources (a path imported again replaces its
// earlier import; the other sources stay); `status` says what is there and how old it is.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "vuln/store/clock.h"
#include "vuln/store/store.h"
#include "vuln/store/update.h"

namespace sw::cli {
namespace {

// Sources older than this are called stale by `db status`.
constexpr std::time_t kStaleAfterSeconds = 7 * 24 * 3600;
constexpr size_t kWarningsShown = 5;

int exit_for(const Error& e) { return e.code() == Errc::kInternal ? kExitInternal : kExitInput; }

std::string resolve_data_dir(const std::string& flag) {
  return flag.empty() ? vuln::default_data_dir() : flag;
}

std::string human_age(std::time_t seconds) {
  if (seconds < 0) seconds = 0;
  if (seconds < 120) return fmt::format("{} seconds", seconds);
  if (seconds < 2 * 3600) return fmt::format("{} minutes", seconds / 60);
  if (seconds < 2 * 86400) return fmt::format("{} hours", seconds / 3600);
  return fmt::format("{} days", seconds / 86400);
}

const char* outcome_name(vuln::FetchOutcome o) {
  switch (o) {
    case vuln::FetchOutcome::kDownloaded:
      return "downloaded";
    case vuln::FetchOutcome::kNotModified:
      return "not modified";
    case vuln::FetchOutcome::kImported:
      return "imported";
    case vuln::FetchOutcome::kFailed:
      return "FAILED";
  }
  return "?";
}

void print_report(const vuln::UpdateReport& report) {
  size_t width = 6;
  for (const auto& s : report.sources) width = std::max(width, s.name.size());
  for (const auto& s : report.sources) {
    if (s.outcome == vuln::FetchOutcome::kFailed) {
      fmt::print("{:<{}}  FAILED: {}{}\n", s.name, width, s.error,
                 s.cached ? " (the copy fetched earlier stays in use)" : "");
      continue;
    }
    fmt::print("{:<{}}  {:<12}  {:>7} {}{}\n", s.name, width, outcome_name(s.outcome), s.advisories,
               s.name == "KEV" ? "entries" : "advisories",
               s.skipped > 0 ? fmt::format(", {} malformed skipped", s.skipped) : "");
    for (size_t i = 0; i < s.warnings.size() && i < kWarningsShown; ++i) {
      fmt::print(stderr, "shieldwall: warning: {}\n", s.warnings[i].to_string());
    }
    if (s.warnings.size() > kWarningsShown) {
      fmt::print(stderr, "shieldwall: warning: ... and {} more malformed records in {}\n",
                 s.warnings.size() - kWarningsShown, s.name);
    }
  }
  if (report.rebuilt) {
    fmt::print("Advisory database rebuilt: {} ({} advisories)\n", report.store_path,
               report.advisories);
  } else {
    fmt::print("Advisory database unchanged (nothing new)\n");
  }
}

void add_update(CLI::App& db, int& exit_code) {
  struct Args {
    std::string data_dir;
    std::string base_url = vuln::kDefaultOsvBaseUrl;
    std::vector<std::string> ecosystems;
    std::string kev_url = vuln::kDefaultKevUrl;
    bool no_kev = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = db.add_subcommand(
      "update", "Download the OSV advisory archives and the CISA KEV catalog, rebuild the store");
  cmd->add_option("--data-dir", a->data_dir, "where the advisory database lives");
  cmd->add_option("--base-url", a->base_url, "OSV archive base URL (<base>/<Ecosystem>/all.zip)");
  cmd->add_option("--ecosystem", a->ecosystems,
                  "an OSV ecosystem to fetch (repeatable; default: this host's distribution, npm, "
                  "PyPI, Go, crates.io, Maven, RubyGems, NuGet, Packagist)");
  cmd->add_option("--kev-url", a->kev_url, "CISA KEV catalog JSON URL");
  cmd->add_flag("--no-kev", a->no_kev, "do not fetch the KEV catalog");
  cmd->callback([a, &exit_code] {
    vuln::UpdateOptions o;
    o.data_dir = resolve_data_dir(a->data_dir);
    o.base_url = a->base_url;
    o.ecosystems = a->ecosystems;
    o.kev_url = a->no_kev ? std::string() : a->kev_url;
    o.user_agent = std::string("shieldwall/") + SW_VERSION;
    auto report = vuln::update_store(o);
    if (!report) {
      fmt::print(stderr, "shieldwall: error: {}\n", report.error().to_string());
      exit_code = exit_for(report.error());
      return;
    }
    print_report(*report);
    for (const auto& s : report->sources) {
      if (s.outcome == vuln::FetchOutcome::kFailed) {
        fmt::print(stderr, "shieldwall: error: {}: {}\n", s.name, s.error);
      }
    }
    if (report->any_failed()) exit_code = kExitInput;
  });
}

void add_import(CLI::App& db, int& exit_code) {
  auto data_dir = std::make_shared<std::string>();
  auto paths = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = db.add_subcommand(
      "import",
      "Add advisories from files: OSV directories, JSON/YAML records, all.zip archives, the KEV "
      "JSON (a path imported again replaces its earlier import; other sources stay)");
  cmd->add_option("--data-dir", *data_dir, "where the advisory database lives");
  cmd->add_option("PATH", *paths, "directories, .json/.yaml/.yml files, .zip archives")->required();
  cmd->callback([data_dir, paths, &exit_code] {
    auto report = vuln::import_paths(resolve_data_dir(*data_dir), *paths);
    if (!report) {
      fmt::print(stderr, "shieldwall: error: {}\n", report.error().to_string());
      exit_code = exit_for(report.error());
      return;
    }
    print_report(*report);
  });
}

nlohmann::json status_json(const vuln::StoreStatus& st, std::time_t now) {
  nlohmann::json j;
  j["path"] = st.path;
  j["built_at"] = st.built_at;
  if (auto t = vuln::parse_rfc3339(st.built_at)) j["age_seconds"] = now - *t;
  j["advisories"] = st.advisories;
  j["withdrawn"] = st.withdrawn;
  j["kev_entries"] = st.kev_entries;
  j["kev_marked"] = st.kev_marked;
  j["sources"] = nlohmann::json::array();
  for (const auto& s : st.sources) {
    j["sources"].push_back({{"name", s.name},
                            {"url", s.url},
                            {"etag", s.etag},
                            {"last_modified", s.last_modified},
                            {"fetched_at", s.fetched_at},
                            {"count", s.advisories}});
  }
  j["ecosystems"] = nlohmann::json::object();
  for (const auto& [e, n] : st.ecosystems) j["ecosystems"][e] = n;
  return j;
}

void add_status(CLI::App& db, int& exit_code) {
  auto data_dir = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = db.add_subcommand("status", "Show what the advisory database holds, and its age");
  cmd->add_option("--data-dir", *data_dir, "where the advisory database lives");
  cmd->add_option("-f,--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([data_dir, format, &exit_code] {
    std::string dir = resolve_data_dir(*data_dir);
    auto store = vuln::open_store(dir);
    if (!store) {
      if (*format == "json") {
        nlohmann::json j = {{"path", vuln::store_path(dir)},
                            {"exists", store.error().code() != Errc::kNotFound},
                            {"error", store.error().message()}};
        fmt::print("{}\n", j.dump(2));
      }
      fmt::print(stderr, "shieldwall: error: {}\n", store.error().to_string());
      exit_code = kExitInput;
      return;
    }
    auto st = (*store)->status();
    if (!st) {
      fmt::print(stderr, "shieldwall: error: {}\n", st.error().to_string());
      exit_code = kExitInput;
      return;
    }
    std::time_t now = std::time(nullptr);
    if (*format == "json") {
      auto j = status_json(*st, now);
      j["exists"] = true;
      fmt::print("{}\n", j.dump(2));
      return;
    }
    fmt::print("Advisory database  {}\n", st->path);
    auto built = vuln::parse_rfc3339(st->built_at);
    fmt::print("Built              {}{}\n", st->built_at,
               built ? fmt::format(" ({} ago)", human_age(now - *built)) : "");
    fmt::print("Advisories         {} ({} withdrawn)\n", st->advisories, st->withdrawn);
    fmt::print("KEV catalog        {} entries; {} advisories marked actively exploited\n",
               st->kev_entries, st->kev_marked);
    size_t width = 6;
    for (const auto& s : st->sources) width = std::max(width, s.name.size());
    fmt::print("\nSources\n");
    std::vector<std::string> stale;
    for (const auto& s : st->sources) {
      auto fetched = vuln::parse_rfc3339(s.fetched_at);
      fmt::print("  {:<{}}  {:>7}  fetched {}{}{}\n    {}\n", s.name, width, s.advisories,
                 s.fetched_at.empty() ? "?" : s.fetched_at,
                 fetched ? fmt::format(" ({} ago)", human_age(now - *fetched)) : "",
                 s.etag.empty() ? "" : fmt::format("  etag {}", s.etag), s.url);
      if (fetched && now - *fetched > kStaleAfterSeconds) stale.push_back(s.name);
    }
    fmt::print("\nAdvisories per ecosystem\n");
    for (const auto& [e, n] : st->ecosystems) fmt::print("  {:<20} {:>7}\n", e, n);
    if (!stale.empty()) {
      fmt::print(stderr,
                 "shieldwall: warning: {} source(s) older than {} days ({}): run `shieldwall db "
                 "update`\n",
                 stale.size(), kStaleAfterSeconds / 86400, fmt::join(stale, ", "));
    }
  });
}

}  // namespace

void add_db(CLI::App& app, int& exit_code) {
  CLI::App* db = app.add_subcommand("db", "Manage the advisory database (update, import, status)");
  db->require_subcommand(1);
  add_update(*db, exit_code);
  add_import(*db, exit_code);
  add_status(*db, exit_code);
}

}  // namespace sw::cli
