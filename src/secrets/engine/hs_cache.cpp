// SPDX-License-Identifier: Apache-2.0
// Disk cache of compiled Hyperscan databases (see hs_cache.h for the record layout).
#include "secrets/engine/hs_cache.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <hs/hs.h>

#include "secrets/redact.h"

namespace sw::secrets::engine {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "SWHS1\n";
constexpr std::size_t kHexLen = 64;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// Reads little-endian integers from a record; every read is bounds-checked.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool take(std::size_t n, std::string_view& out) {
    if (bytes_.size() - pos_ < n) return false;
    out = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool u8(std::uint8_t& v) {
    std::string_view s;
    if (!take(1, s)) return false;
    v = static_cast<std::uint8_t>(s[0]);
    return true;
  }
  bool u32(std::uint32_t& v) {
    std::string_view s;
    if (!take(4, s)) return false;
    v = 0;
    for (int i = 3; i >= 0; --i)
      v = (v << 8) | static_cast<unsigned char>(s[static_cast<size_t>(i)]);
    return true;
  }
  bool u64(std::uint64_t& v) {
    std::string_view s;
    if (!take(8, s)) return false;
    v = 0;
    for (int i = 7; i >= 0; --i)
      v = (v << 8) | static_cast<unsigned char>(s[static_cast<size_t>(i)]);
    return true;
  }
  std::size_t left() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

fs::path entry_path(const std::string& dir, std::string_view key) {
  return fs::path(dir) / fmt::format("{}.hsdb", key.substr(0, 32));
}

}  // namespace

std::string hs_cache_key(const std::vector<std::string_view>& expressions,
                         const std::vector<unsigned>& flags, const std::vector<unsigned>& ids,
                         unsigned mode) {
  std::string material = fmt::format("hyperscan {}\nmode {}\n", hs_version(), mode);
  for (std::size_t i = 0; i < expressions.size(); ++i) {
    // Length-prefixed, so no expression can run into the next.
    material += fmt::format("{} {} {} ", i < flags.size() ? flags[i] : 0u,
                            i < ids.size() ? ids[i] : 0u, expressions[i].size());
    material.append(expressions[i]);
    material.push_back('\n');
  }
  return sha256_hex(material);
}

std::string default_hs_cache_dir() {
  if (const char* d = std::getenv("SHIELDWALL_CACHE_DIR"); d != nullptr && *d != '\0') {
    return (fs::path(d) / "hyperscan").string();
  }
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x != nullptr && *x == '/') {
    return (fs::path(x) / "shieldwall" / "hyperscan").string();
  }
  if (const char* h = std::getenv("HOME"); h != nullptr && *h == '/') {
    return (fs::path(h) / ".cache" / "shieldwall" / "hyperscan").string();
  }
  return {};
}

std::optional<HsCacheEntry> hs_cache_load(const std::string& dir, std::string_view key) {
  if (dir.empty() || key.size() != kHexLen) return std::nullopt;
  const fs::path path = entry_path(dir, key);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Reader r(bytes);
  std::string_view magic, stored_key, digest, db;
  std::uint32_t steps = 0;
  if (!r.take(kMagic.size(), magic) || magic != kMagic) return std::nullopt;
  if (!r.take(kHexLen, stored_key) || stored_key != key) return std::nullopt;
  if (!r.u32(steps) || steps > r.left() / 5) return std::nullopt;
  HsCacheEntry entry;
  entry.steps.resize(steps);
  for (HsCacheStep& s : entry.steps) {
    if (!r.u32(s.index) || !r.u8(s.action)) return std::nullopt;
    if (s.action != kRetryPrefilter && s.action != kDrop) return std::nullopt;
  }
  std::uint64_t size = 0;
  if (!r.u64(size) || !r.take(kHexLen, digest) || size != r.left() || !r.take(size, db)) {
    return std::nullopt;
  }
  if (sha256_hex(db) != digest) return std::nullopt;
  entry.database.assign(db);
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);  // most recently used
  return entry;
}

void hs_cache_store(const std::string& dir, std::string_view key, const HsCacheEntry& entry,
                    std::size_t keep) {
  if (dir.empty() || key.size() != kHexLen) return;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return;
  ::chmod(dir.c_str(), 0700);
  std::string record(kMagic);
  record.append(key);
  put_u32(record, static_cast<std::uint32_t>(entry.steps.size()));
  for (const HsCacheStep& s : entry.steps) {
    put_u32(record, s.index);
    record.push_back(static_cast<char>(s.action));
  }
  put_u64(record, entry.database.size());
  record += sha256_hex(entry.database);
  record += entry.database;

  const fs::path final_path = entry_path(dir, key);
  const std::string tmp = fmt::format("{}.tmp-{}", final_path.string(), ::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return;
  std::size_t done = 0;
  bool ok = true;
  while (done < record.size()) {
    const ssize_t n = ::write(fd, record.data() + done, record.size() - done);
    if (n <= 0) {
      ok = false;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(tmp.c_str(), final_path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return;
  }

  // Keep the `keep` most recently used entries.
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& de : fs::directory_iterator(dir, ec)) {
    if (de.path().extension() != ".hsdb") continue;
    std::error_code tec;
    const auto t = fs::last_write_time(de.path(), tec);
    if (!tec) entries.emplace_back(t, de.path());
  }
  if (entries.size() <= keep) return;
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = keep; i < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace sw::secrets::engine
