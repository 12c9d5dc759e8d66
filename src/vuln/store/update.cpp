// SPDX-License-Identifier: Apache-2.0
// `db update` (update.h): conditional downloads with libcurl, archive verification with libzip and
// the OSV / KEV parsers, the archive cache, and the rebuild through StoreBuilder.
#include "vuln/store/update.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <system_error>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <zip.h>

#include <curl/curl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "vuln/osv/osv.h"
#include "vuln/store/builder.h"
#include "vuln/store/clock.h"
#include "vuln/store/update_internal.h"

namespace sw::vuln {

namespace fs = std::filesystem;

bool UpdateReport::any_failed() const {
  for (const auto& s : sources) {
    if (s.outcome == FetchOutcome::kFailed) return true;
  }
  return false;
}

// ---- lock ----------------------------------------------------------------------------------

Result<DataDirLock> DataDirLock::acquire(const std::string& data_dir) {
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return fail(Errc::kIo, "cannot create the data directory: " + ec.message(), data_dir);
  std::string path = (fs::path(data_dir) / "lock").string();
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Unexpected(error_from_errno(errno, "open the lock file", path));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return fail(Errc::kUsage,
                  "another `shieldwall db update` or `db import` is running on this data dir",
                  path);
    }
    return Unexpected(error_from_errno(err, "lock", path));
  }
  return DataDirLock(fd);
}

DataDirLock::~DataDirLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

// ---- os-release ------------------------------------------------------------------------------

namespace {

std::string os_release_value(std::string_view text, std::string_view key) {
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() <= key.size() || line.compare(0, key.size(), key) != 0 ||
        line[key.size()] != '=') {
      continue;
    }
    std::string v = line.substr(key.size() + 1);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
      v = v.substr(1, v.size() - 2);
    }
    return v;
  }
  return {};
}

std::string ecosystem_for_os_id(std::string_view id) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"debian", "Debian"},
      {"ubuntu", "Ubuntu"},
      {"alpine", "Alpine"},
      {"almalinux", "AlmaLinux"},
      {"rocky", "Rocky Linux"},
      {"rhel", "Red Hat"},
      {"opensuse", "openSUSE"},
      {"opensuse-leap", "openSUSE"},
      {"opensuse-tumbleweed", "openSUSE"},
      {"sles", "SUSE"},
      {"sled", "SUSE"},
      {"mageia", "Mageia"},
      {"photon", "Photon OS"},
      {"wolfi", "Wolfi"},
      {"chainguard", "Chainguard"},
      {"azurelinux", "Azure Linux"},
      {"mariner", "Azure Linux"},
      {"openEuler", "openEuler"},
      {"openeuler", "openEuler"},
  };
  for (const auto& [os, eco] : kMap) {
    if (id == os) return eco;
  }
  return {};
}

}  // namespace

std::string os_release_ecosystem(std::string_view text) {
  if (auto e = ecosystem_for_os_id(os_release_value(text, "ID")); !e.empty()) return e;
  std::istringstream like(os_release_value(text, "ID_LIKE"));
  std::string id;
  while (like >> id) {
    if (auto e = ecosystem_for_os_id(id); !e.empty()) return e;
  }
  return {};
}

std::vector<std::string> default_update_ecosystems() {
  std::vector<std::string> out;
  for (const char* p : {"/etc/os-release", "/usr/lib/os-release"}) {
    std::ifstream in(p);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    if (auto e = os_release_ecosystem(ss.str()); !e.empty()) out.push_back(e);
    break;
  }
  for (const char* e :
       {"npm", "PyPI", "Go", "crates.io", "Maven", "RubyGems", "NuGet", "Packagist"}) {
    out.emplace_back(e);
  }
  return out;
}

// ---- archive cache ---------------------------------------------------------------------------

namespace update_detail {

std::string archive_file_name(const std::string& kind, const std::string& name) {
  if (kind == "kev") return "kev.json";
  std::string out = "osv-";
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-';
    out.push_back(ok ? c : '_');
  }
  return out + ".zip";
}

std::string archives_dir(const std::string& data_dir) {
  return (fs::path(data_dir) / "archives").string();
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unexpected(error_from_errno(errno, "read", path));
  std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return fail(Errc::kIo, "read failed", path);
  return out;
}

std::optional<CachedArchive> read_meta(const std::string& meta_path) {
  auto text = read_file(meta_path);
  if (!text) return std::nullopt;
  try {
    auto j = nlohmann::json::parse(*text);
    CachedArchive c;
    c.kind = j.at("kind").get<std::string>();
    c.info.name = j.at("name").get<std::string>();
    c.info.url = j.at("url").get<std::string>();
    c.info.etag = j.value("etag", "");
    c.info.last_modified = j.value("last_modified", "");
    c.info.fetched_at = j.value("fetched_at", "");
    c.file = j.at("file").get<std::string>();
    if (c.file.find('/') != std::string::npos || c.file.empty() || c.file[0] == '.') {
      return std::nullopt;
    }
    c.path = (fs::path(meta_path).parent_path() / c.file).string();
    if (!fs::is_regular_file(c.path)) return std::nullopt;
    return c;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::vector<CachedArchive> cached_archives(const std::string& data_dir) {
  std::vector<CachedArchive> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(archives_dir(data_dir), ec)) {
    std::string n = e.path().filename().string();
    if (n.size() < 10 || n.compare(n.size() - 10, 10, ".meta.json") != 0) continue;
    if (auto c = read_meta(e.path().string())) out.push_back(std::move(*c));
  }
  std::sort(out.begin(), out.end(),
            [](const CachedArchive& a, const CachedArchive& b) { return a.file < b.file; });
  return out;
}

Result<void> write_meta(const std::string& data_dir, const CachedArchive& c) {
  nlohmann::json j = {{"kind", c.kind},
                      {"name", c.info.name},
                      {"url", c.info.url},
                      {"etag", c.info.etag},
                      {"last_modified", c.info.last_modified},
                      {"fetched_at", c.info.fetched_at},
                      {"file", c.file}};
  std::string path = (fs::path(archives_dir(data_dir)) / (c.file + ".meta.json")).string();
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << j.dump(2) << '\n';
    out.flush();
    if (!out) return fail(Errc::kIo, "cannot write", tmp);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    return Unexpected(error_from_errno(errno, "rename", path));
  }
  return {};
}

// ---- verification ----------------------------------------------------------------------------

Result<void> check_zip_structure(const std::string& bytes, const std::string& name) {
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (src == nullptr) {
    zip_error_fini(&zerr);
    return fail(Errc::kIo, "out of memory opening the zip", name);
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (z == nullptr) {
    std::string msg = zip_error_strerror(&zerr);
    zip_source_free(src);
    zip_error_fini(&zerr);
    return fail(Errc::kParse, "not a valid zip archive: " + msg, name);
  }
  zip_error_fini(&zerr);
  std::vector<char> buf(1 << 16);
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
    if (f == nullptr) {
      std::string msg = zip_strerror(z);
      zip_discard(z);
      return fail(Errc::kParse, fmt::format("zip member {}: {}", i, msg), name);
    }
    zip_int64_t got;
    // Reading to the end makes libzip check the member's CRC-32.
    while ((got = zip_fread(f, buf.data(), buf.size())) > 0) {
    }
    if (got < 0) {
      const char* member_name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
      std::string member = member_name != nullptr ? member_name : "?";
      std::string msg = zip_file_strerror(f);
      zip_fclose(f);
      zip_discard(z);
      return fail(Errc::kParse, fmt::format("zip member {}: {}", member, msg), name);
    }
    zip_fclose(f);
  }
  zip_discard(z);
  return {};
}

Result<Verified> verify_archive(const std::string& kind, const std::string& path,
                                const std::string& name) {
  auto bytes = read_file(path);
  if (!bytes) return Unexpected(bytes.error());
  Verified v;
  if (kind == "kev") {
    auto kev = parse_kev(*bytes, name);
    if (!kev) return Unexpected(kev.error());
    if (kev->entries.empty()) return fail(Errc::kParse, "KEV catalog without entries", name);
    v.advisories = kev->entries.size();
    return v;
  }
  SW_TRY(check_zip_structure(*bytes, name));
  auto stats = ingest_zip(*bytes, name, [](Advisory&&) {});
  if (!stats) return Unexpected(stats.error());
  if (stats->files > 0 && stats->advisories == 0) {
    return fail(Errc::kParse,
                fmt::format("no OSV record in the archive parsed ({} malformed)", stats->skipped),
                name);
  }
  v.advisories = stats->advisories;
  v.skipped = stats->skipped;
  v.warnings = std::move(stats->warnings);
  return v;
}

}  // namespace update_detail

using namespace update_detail;

// ---- download --------------------------------------------------------------------------------

namespace {

void curl_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// https:// anywhere; http:// to a loopback host only.
Result<void> check_url(const std::string& url) {
  CURLU* u = curl_url();
  if (u == nullptr) return fail(Errc::kInternal, "out of memory");
  struct Free {
    CURLU* u;
    ~Free() { curl_url_cleanup(u); }
  } free_u{u};
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return fail(Errc::kUsage, "not a valid URL: " + url);
  }
  char* scheme = nullptr;
  char* host = nullptr;
  curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
  curl_url_get(u, CURLUPART_HOST, &host, 0);
  std::string s = scheme != nullptr ? scheme : "";
  std::string h = host != nullptr ? host : "";
  curl_free(scheme);
  curl_free(host);
  if (s == "https") return {};
  if (s == "http" && (h == "127.0.0.1" || h == "localhost" || h == "[::1]")) return {};
  return fail(Errc::kUsage, "only https:// URLs are allowed (http:// only on loopback): " + url);
}

std::string url_path_escape(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

struct Transfer {
  FILE* out = nullptr;
  size_t written = 0;
  bool write_failed = false;
  std::string etag;
  std::string last_modified;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  if (std::fwrite(data, 1, len, t->out) != len) {
    t->write_failed = true;
    return 0;  // makes curl fail with CURLE_WRITE_ERROR
  }
  t->written += len;
  return len;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == '\r' || s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a redirect): forget the last one
    t->etag.clear();
    t->last_modified.clear();
    return size * n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  std::string key;
  for (char c : line.substr(0, colon)) key.push_back(static_cast<char>(std::tolower(c)));
  if (key == "etag") t->etag = trim(line.substr(colon + 1));
  if (key == "last-modified") t->last_modified = trim(line.substr(colon + 1));
  return size * n;
}

struct FetchResult {
  FetchOutcome outcome = FetchOutcome::kFailed;
  std::string error;
  std::string temp_path;  // kDownloaded: the body
  std::string etag;
  std::string last_modified;
};

FetchResult fetch(const std::string& url, const std::optional<CachedArchive>& cached,
                  const std::string& dir, const UpdateOptions& o) {
  FetchResult r;
  if (auto ok = check_url(url); !ok) {
    r.error = ok.error().message();
    return r;
  }
  std::string tmpl = (fs::path(dir) / ".download-XXXXXX").string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    r.error = error_from_errno(errno, "create a temporary file", tmpl).to_string();
    return r;
  }
  Transfer t;
  t.out = ::fdopen(fd, "wb");
  if (t.out == nullptr) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    r.error = "cannot open a temporary file";
    return r;
  }
  CURL* c = curl_easy_init();
  curl_slist* headers = nullptr;
  if (cached && cached->info.url == url) {
    if (!cached->info.etag.empty()) {
      headers = curl_slist_append(headers, ("If-None-Match: " + cached->info.etag).c_str());
    }
    if (!cached->info.last_modified.empty()) {
      headers =
          curl_slist_append(headers, ("If-Modified-Since: " + cached->info.last_modified).c_str());
    }
  }
  char errbuf[CURL_ERROR_SIZE] = {0};
  bool https_only = url.rfind("https://", 0) == 0;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, https_only ? "https" : "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o.connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o.stall_timeout_s);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, o.total_timeout_s);
  curl_easy_setopt(c, CURLOPT_USERAGENT, o.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_off_t length = -1;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(c, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
  curl_easy_cleanup(c);
  curl_slist_free_all(headers);
  bool closed_ok = std::fflush(t.out) == 0 && ::fsync(::fileno(t.out)) == 0;
  closed_ok = std::fclose(t.out) == 0 && closed_ok;
  auto drop = [&](std::string why) {
    ::unlink(tmpl.c_str());
    r.error = std::move(why);
    return r;
  };
  if (rc != CURLE_OK) {
    return drop(
        fmt::format("download failed: {}", errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc)));
  }
  if (status == 304) {
    if (!cached) return drop("server answered 304 Not Modified but nothing is cached");
    ::unlink(tmpl.c_str());
    r.outcome = FetchOutcome::kNotModified;
    return r;
  }
  if (status != 200) return drop(fmt::format("HTTP status {}", status));
  if (t.write_failed || !closed_ok) return drop("cannot write the download to disk");
  if (length >= 0 && static_cast<size_t>(length) != t.written) {
    return drop(fmt::format("truncated: {} of {} bytes", t.written, length));
  }
  r.outcome = FetchOutcome::kDownloaded;
  r.temp_path = tmpl;
  r.etag = t.etag;
  r.last_modified = t.last_modified;
  return r;
}

struct Planned {
  std::string kind;  // "osv" or "kev"
  std::string name;
  std::string url;
};

}  // namespace

Result<UpdateReport> update_store(const UpdateOptions& o) {
  if (o.data_dir.empty()) return fail(Errc::kUsage, "no data directory");
  std::vector<Planned> plan;
  std::string base = o.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  for (const auto& e : o.ecosystems.empty() ? default_update_ecosystems() : o.ecosystems) {
    plan.push_back({"osv", e, base + "/" + url_path_escape(e) + "/all.zip"});
  }
  if (!o.kev_url.empty()) plan.push_back({"kev", kKevSourceName, o.kev_url});
  // Bad URLs are the user's error: say so before touching anything.
  for (const auto& p : plan) SW_TRY(check_url(p.url));

  auto lock = DataDirLock::acquire(o.data_dir);
  if (!lock) return Unexpected(lock.error());
  std::string dir = archives_dir(o.data_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fail(Errc::kIo, "cannot create " + dir + ": " + ec.message(), dir);
  curl_init_once();

  UpdateReport report;
  bool changed = false;
  for (const auto& p : plan) {
    SourceReport sr;
    sr.name = p.name;
    sr.url = p.url;
    std::string file = archive_file_name(p.kind, p.name);
    auto cached = read_meta((fs::path(dir) / (file + ".meta.json")).string());
    FetchResult f = fetch(p.url, cached, dir, o);
    sr.outcome = f.outcome;
    if (f.outcome == FetchOutcome::kDownloaded) {
      auto v = verify_archive(p.kind, f.temp_path, p.url);
      if (!v) {
        ::unlink(f.temp_path.c_str());
        sr.outcome = FetchOutcome::kFailed;
        sr.error = "rejected: " + v.error().to_string();
      } else {
        std::string final_path = (fs::path(dir) / file).string();
        CachedArchive c{
            p.kind, {p.name, p.url, f.etag, f.last_modified, rfc3339_now(), 0}, file, final_path};
        if (::rename(f.temp_path.c_str(), final_path.c_str()) != 0) {
          ::unlink(f.temp_path.c_str());
          sr.outcome = FetchOutcome::kFailed;
          sr.error = error_from_errno(errno, "move into the cache", final_path).to_string();
        } else if (auto w = write_meta(o.data_dir, c); !w) {
          sr.outcome = FetchOutcome::kFailed;
          sr.error = w.error().to_string();
        } else {
          changed = true;
          sr.advisories = v->advisories;
          sr.skipped = v->skipped;
          sr.warnings = std::move(v->warnings);
        }
      }
    } else if (f.outcome == FetchOutcome::kFailed) {
      sr.error = f.error;
    }
    if (sr.outcome == FetchOutcome::kFailed) sr.cached = cached.has_value();
    report.sources.push_back(std::move(sr));
  }

  std::string db = store_path(o.data_dir);
  auto current = open_store(o.data_dir);
  bool any_cached = !cached_archives(o.data_dir).empty();
  if (!changed && (current || !any_cached)) {
    // Nothing new: the counts of the unchanged sources come from the store as it is.
    if (current) {
      if (auto st = (*current)->status()) {
        for (auto& sr : report.sources) {
          for (const auto& info : st->sources) {
            if (info.name == sr.name) sr.advisories = info.advisories;
          }
        }
      }
    }
    return report;
  }
  current = fail(Errc::kNotFound, "closed");  // the rebuild replaces it

  auto built = rebuild_from_archives(o.data_dir, report);
  if (!built) return Unexpected(built.error());
  report.rebuilt = true;
  report.store_path = db;
  report.advisories = *built;
  return report;
}

namespace update_detail {

bool is_download_url(std::string_view url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

Result<size_t> rebuild_from_archives(const std::string& data_dir, UpdateReport& report) {
  auto archives = cached_archives(data_dir);
  bool have_kev = false;
  for (const auto& a : archives) have_kev = have_kev || a.kind == "kev";
  auto builder = StoreBuilder::create(data_dir);
  if (!builder) return Unexpected(builder.error());
  StoreBuilder& b = **builder;
  // Imported sources stay; downloaded ones come from the cache (a KEV download replaces an
  // imported KEV catalog).
  auto carried = b.carry_over(store_path(data_dir), [&](const SourceInfo& s) {
    if (is_download_url(s.url)) return false;
    return !(s.name == kKevSourceName && have_kev);
  });
  (void)carried;  // no old store, or one of another schema: nothing to keep
  for (const auto& a : archives) {
    auto bytes = read_file(a.path);
    if (!bytes) return Unexpected(bytes.error());
    if (a.kind == "kev") {
      auto kev = parse_kev(*bytes, a.path);
      if (!kev) return Unexpected(kev.error());
      SW_TRY(b.set_kev(*kev, a.info));
      continue;
    }
    SW_TRY(b.begin_source(a.info));
    auto stats = ingest_zip(*bytes, a.info.url, b.sink());
    if (!stats) return Unexpected(stats.error());
    // A source fetched before this run (not modified, or failed with a cached copy) gets its
    // counts from the cache too.
    for (auto& sr : report.sources) {
      if (sr.name == a.info.name && sr.outcome != FetchOutcome::kDownloaded) {
        sr.advisories = stats->advisories;
        sr.skipped = stats->skipped;
      }
    }
  }
  SW_TRY(b.commit());
  auto store = open_store(data_dir);
  if (!store) return Unexpected(store.error());
  auto st = (*store)->status();
  if (!st) return Unexpected(st.error());
  return st->advisories;
}

}  // namespace update_detail

}  // namespace sw::vuln
