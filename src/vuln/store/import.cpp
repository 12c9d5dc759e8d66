// SPDX-License-Identifier: Apache-2.0
// `db import PATH...` (update.h): offline sources added to the store. Every PATH is read and
// checked before the builder starts, so an unreadable PATH changes nothing.
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "vuln/osv/osv.h"
#include "vuln/store/builder.h"
#include "vuln/store/clock.h"
#include "vuln/store/update.h"
#include "vuln/store/update_internal.h"

namespace sw::vuln {

namespace fs = std::filesystem;
using update_detail::read_file;

namespace {

struct ImportItem {
  std::string path;  // absolute
  std::optional<KevCatalog> kev;
};

bool has_json_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".json";
}

// KEV catalogs inside a directory tree (ingest_path passes them over): the newest one released.
Result<std::optional<ImportItem>> find_kev_in_tree(const std::string& dir) {
  std::optional<ImportItem> best;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (!it->is_regular_file(fec) || !has_json_extension(it->path().string())) continue;
    auto text = read_file(it->path().string());
    if (!text || !looks_like_kev(*text)) continue;
    auto kev = parse_kev(*text, it->path().string());
    if (!kev) return Unexpected(kev.error());
    if (!best || kev->date_released > best->kev->date_released) {
      best = ImportItem{it->path().string(), std::move(*kev)};
    }
  }
  return best;
}

}  // namespace

Result<UpdateReport> import_paths(const std::string& data_dir,
                                  const std::vector<std::string>& paths) {
  if (paths.empty()) return fail(Errc::kUsage, "nothing to import");
  std::vector<ImportItem> items;
  bool importing_kev = false;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    auto st = fs::status(abs, ec);
    if (ec || !fs::exists(st)) return fail(Errc::kNotFound, "no such file or directory", p);
    ImportItem item{abs.string(), std::nullopt};
    if (fs::is_regular_file(st) && has_json_extension(item.path)) {
      auto text = read_file(item.path);
      if (!text) return Unexpected(text.error());
      if (looks_like_kev(*text)) {
        auto kev = parse_kev(*text, item.path);
        if (!kev) return Unexpected(kev.error());
        item.kev = std::move(*kev);
        importing_kev = true;
      }
    } else if (fs::is_directory(st)) {
      auto kev = find_kev_in_tree(item.path);
      if (!kev) return Unexpected(kev.error());
      if (*kev) {
        items.push_back(std::move(**kev));
        importing_kev = true;
      }
    }
    items.push_back(std::move(item));
  }

  auto lock = DataDirLock::acquire(data_dir);
  if (!lock) return Unexpected(lock.error());
  auto builder = StoreBuilder::create(data_dir);
  if (!builder) return Unexpected(builder.error());
  StoreBuilder& b = **builder;
  (void)b.carry_over(store_path(data_dir), [&](const SourceInfo& s) {
    if (s.name == kKevSourceName) return !importing_kev;
    for (const auto& i : items) {
      if (s.name == i.path) return false;
    }
    return true;
  });

  UpdateReport report;
  std::string now = rfc3339_now();
  for (auto& item : items) {
    SourceReport sr;
    sr.name = item.kev ? kKevSourceName : item.path;
    sr.url = item.path;
    sr.outcome = FetchOutcome::kImported;
    if (item.kev) {
      SW_TRY(b.set_kev(*item.kev, {kKevSourceName, item.path, "", "", now, 0}));
      sr.advisories = item.kev->entries.size();
    } else {
      SW_TRY(b.begin_source({item.path, item.path, "", "", now, 0}));
      auto stats = ingest_path(item.path, b.sink());
      if (!stats) return Unexpected(stats.error());
      sr.advisories = stats->advisories;
      sr.skipped = stats->skipped;
      sr.warnings = std::move(stats->warnings);
    }
    report.sources.push_back(std::move(sr));
  }
  auto committed = b.commit();
  if (!committed) return Unexpected(committed.error());
  report.rebuilt = true;
  report.store_path = *committed;
  auto store = open_store(data_dir);
  if (!store) return Unexpected(store.error());
  auto st = (*store)->status();
  if (!st) return Unexpected(st.error());
  report.advisories = st->advisories;
  return report;
}

}  // namespace sw::vuln
