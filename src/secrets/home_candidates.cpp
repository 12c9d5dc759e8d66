// SPDX-License-Identifier: Apache-2.0
// Where credentials leak in a home directory: fixed names plus bounded listings. See
// home_candidates.h. Hand-written: the list of places is the knowledge, there is no library.
#include "secrets/home_candidates.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace sw::secrets {
namespace {

namespace fs = std::filesystem;
using namespace std::string_view_literals;

// Files at fixed places, relative to the home directory.
constexpr std::array kFixedFiles{
    // Shell and REPL histories: commands typed with tokens and passwords in them.
    ".bash_history"sv, ".zsh_history"sv, ".zhistory"sv, ".histfile"sv, ".sh_history"sv,
    ".history"sv, ".ksh_history"sv, ".local/share/fish/fish_history"sv, ".python_history"sv,
    ".node_repl_history"sv, ".psql_history"sv, ".mysql_history"sv, ".sqlite_history"sv,
    ".rediscli_history"sv, ".irb_history"sv, ".pry_history"sv, ".dbshell"sv,
    ".mongosh/mongosh_repl_history"sv,
    // Credential stores of common tools.
    ".netrc"sv, "_netrc"sv, ".git-credentials"sv, ".gitconfig"sv, ".config/git/credentials"sv,
    ".aws/credentials"sv, ".aws/config"sv, ".docker/config.json"sv, ".dockercfg"sv, ".npmrc"sv,
    ".yarnrc"sv, ".yarnrc.yml"sv, ".pypirc"sv, ".pip/pip.conf"sv, ".kube/config"sv, ".pgpass"sv,
    ".my.cnf"sv, ".mylogin.cnf"sv, ".s3cfg"sv, ".boto"sv, ".terraformrc"sv,
    ".terraform.d/credentials.tfrc.json"sv, ".gradle/gradle.properties"sv, ".m2/settings.xml"sv,
    ".m2/settings-security.xml"sv, ".ivy2/.credentials"sv, ".sbt/.credentials"sv,
    ".gem/credentials"sv, ".cargo/credentials"sv, ".cargo/credentials.toml"sv,
    ".composer/auth.json"sv, ".nuget/NuGet/NuGet.Config"sv, ".vault-token"sv, ".databrickscfg"sv,
    ".oci/config"sv, ".ngrok2/ngrok.yml"sv, ".circleci/cli.yml"sv, ".travis/config.yml"sv,
    ".mc/config.json"sv, ".ftpconfig"sv, ".s3cmd"sv, ".passwd-s3fs"sv, ".esmtprc"sv, ".msmtprc"sv,
    ".muttrc"sv, ".fetchmailrc"sv, ".heroku/credentials"sv, ".snowsql/config"sv, ".envrc"sv,
    ".tugboat"sv};

// Directories listed (not beyond max_depth) for config-like files.
struct ConfigDir {
  std::string_view path;
  int max_depth;  // 1: files directly inside
};
constexpr std::array kConfigDirs{ConfigDir{".config", 4}, ConfigDir{".aws", 3},
                                 ConfigDir{".azure", 2},  ConfigDir{".docker", 1},
                                 ConfigDir{".kube", 1},   ConfigDir{".gcloud", 2},
                                 ConfigDir{".oci", 1},    ConfigDir{".terraform.d", 1}};

// Never entered under the config directories: browser profiles, editor and app caches.
constexpr std::array kSkippedDirs{
    // Browser profiles.
    "google-chrome"sv, "google-chrome-beta"sv, "chromium"sv, "BraveSoftware"sv, "microsoft-edge"sv,
    "vivaldi"sv, "opera"sv, "mozilla"sv,
    // Caches and editor state.
    "Cache"sv, "CachedData"sv, "CachedExtensions"sv, "CachedExtensionVSIXs"sv, "Code Cache"sv,
    "GPUCache"sv, "Service Worker"sv, "IndexedDB"sv, "Local Storage"sv, "Session Storage"sv,
    "blob_storage"sv, "Crashpad"sv, "logs"sv, "workspaceStorage"sv, "extensions"sv,
    "node_modules"sv, "pulse"sv, "fontconfig"sv, "dconf"sv, "icons"sv, "themes"sv};

constexpr std::array kConfigExtensions{".json"sv,  ".yml"sv,         ".yaml"sv, ".toml"sv,
                                       ".ini"sv,   ".conf"sv,        ".cfg"sv,  ".config"sv,
                                       ".env"sv,   ".properties"sv,  ".xml"sv,  ".rc"sv,
                                       ".netrc"sv, ".credentials"sv, ".tfrc"sv};

// Exact file names (any extension list would miss these).
constexpr std::array kConfigNames{"credentials"sv,
                                  "config"sv,
                                  "hosts"sv,
                                  "auth"sv,
                                  "token"sv,
                                  "tokens"sv,
                                  ".env"sv,
                                  "accessTokens.json"sv,
                                  "msal_token_cache.json"sv};

constexpr std::array kTemplateSuffixes{".example"sv, ".sample"sv, ".template"sv, ".dist"sv};

constexpr size_t kMaxEntriesPerDir = 5000;
constexpr size_t kMaxConfigFiles = 2000;
constexpr size_t kMaxHomeSubdirs = 200;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool contains(auto const& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_regular(const fs::path& path) {
  std::error_code ec;
  return fs::is_regular_file(fs::status(path, ec)) && !ec;
}

bool is_real_dir(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(fs::symlink_status(path, ec)) && !ec;
}

// Entries of a directory (at most kMaxEntriesPerDir), sorted; empty on error.
std::vector<fs::directory_entry> list(const fs::path& dir) {
  std::vector<fs::directory_entry> entries;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator() && entries.size() < kMaxEntriesPerDir;
       it.increment(ec)) {
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

bool is_env_file(std::string_view name) {
  if (name == ".env") return true;
  if (name.substr(0, 5) != ".env.") return false;
  return std::none_of(kTemplateSuffixes.begin(), kTemplateSuffixes.end(),
                      [&](std::string_view s) { return ends_with(name, s); });
}

bool is_config_like(std::string_view name) {
  if (contains(kConfigNames, name) || is_env_file(name)) return true;
  return std::any_of(kConfigExtensions.begin(), kConfigExtensions.end(),
                     [&](std::string_view ext) { return ends_with(name, ext); });
}

bool is_private_key_name(std::string_view name) {
  if (ends_with(name, ".pub")) return false;
  return name.substr(0, 3) == "id_" || ends_with(name, ".pem") || ends_with(name, ".key") ||
         ends_with(name, ".ppk") || ends_with(name, ".p12") || ends_with(name, ".pfx");
}

class Collector {
 public:
  explicit Collector(std::vector<std::string>& out) : out_(out) {}

  void add_if_file(const fs::path& path) {
    if (is_regular(path)) out_.push_back(path.string());
  }

  void config_dir(const fs::path& dir, int depth_left) {
    if (depth_left <= 0 || config_files_ >= kMaxConfigFiles) return;
    for (const fs::directory_entry& entry : list(dir)) {
      std::string name = entry.path().filename().string();
      std::error_code ec;
      fs::file_status st = entry.symlink_status(ec);
      if (ec) continue;
      if (fs::is_directory(st)) {
        if (!contains(kSkippedDirs, name)) config_dir(entry.path(), depth_left - 1);
      } else if (is_config_like(name) && is_regular(entry.path())) {
        if (++config_files_ > kMaxConfigFiles) return;
        out_.push_back(entry.path().string());
      }
    }
  }

 private:
  std::vector<std::string>& out_;
  size_t config_files_ = 0;
};

}  // namespace

std::vector<std::string> home_secret_candidates(const std::string& home) {
  std::vector<std::string> out;
  try {
    fs::path root(home);
    std::error_code ec;
    if (!fs::is_directory(fs::status(root, ec)) || ec) return out;
    Collector collect(out);
    for (std::string_view rel : kFixedFiles) collect.add_if_file(root / rel);
    // Private keys in ~/.ssh.
    for (const fs::directory_entry& entry : list(root / ".ssh")) {
      if (is_private_key_name(entry.path().filename().string())) collect.add_if_file(entry.path());
    }
    // .env files in the home directory and its direct subdirectories.
    size_t subdirs = 0;
    for (const fs::directory_entry& entry : list(root)) {
      std::string name = entry.path().filename().string();
      if (is_env_file(name)) {
        collect.add_if_file(entry.path());
      } else if (is_real_dir(entry.path()) && subdirs++ < kMaxHomeSubdirs) {
        for (const fs::directory_entry& inner : list(entry.path())) {
          if (is_env_file(inner.path().filename().string())) collect.add_if_file(inner.path());
        }
      }
    }
    for (const ConfigDir& dir : kConfigDirs) {
      if (is_real_dir(root / dir.path)) collect.config_dir(root / dir.path, dir.max_depth);
    }
  } catch (const std::exception&) {
    // bad_alloc and the like: return what was found so far.
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace sw::secrets
