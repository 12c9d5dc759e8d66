// SPDX-License-Identifier: Apache-2.0
// See vault.h. The header rows recognised (lower-cased; extra columns are allowed):
//   Bitwarden   folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,
//               login_password,login_totp (organisation exports start with "collections")
//   1Password   Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes (1Password 8;
//               older versions: title, website / url / urls, username, password, notes)
//   KeePassXC   "Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified",
//               "Created" (KeePassX: the first six)
//   KeePass 2   "Account","Login Name","Password","Web Site","Comments"
//   Chrome/Edge name,url,username,password[,note]
//   Firefox     "url","username","password","httpRealm","formActionOrigin","guid","timeCreated",
//               "timeLastUsed","timePasswordChanged"
// libcsv is fed one physical line at a time, so every record knows the line it starts on; after a
// quoting error the parser is restarted on the next line, so one broken record costs only itself
// (an unterminated quote: the lines it swallowed are parsed again after it).
#include "password/vault/vault.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>

#include <csv.h>
#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "core/error.h"

namespace sw::password {

namespace {

// libcsv's field buffer holds passwords: wipe it whenever libcsv lets go of it.
void* wiping_realloc(void* old, std::size_t n) {
  void* fresh = std::malloc(n);
  if (fresh == nullptr) return nullptr;
  if (old != nullptr) {
    const std::size_t old_size = malloc_usable_size(old);
    std::memcpy(fresh, old, std::min(old_size, n));
    wipe(old, old_size);
    std::free(old);
  }
  return fresh;
}

void wiping_free(void* p) {
  if (p == nullptr) return;
  wipe(p, malloc_usable_size(p));
  std::free(p);
}

int no_space(unsigned char) { return 0; }  // keep leading/trailing blanks: they are password bytes

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

struct Layout {
  std::string format;
  int name = -1, url = -1, username = -1, password = -1;
};

std::optional<Layout> detect(const std::vector<std::string>& header) {
  std::map<std::string, int> col;
  for (std::size_t i = 0; i < header.size(); ++i) {
    col.emplace(lower(trim(header[i])), static_cast<int>(i));
  }
  auto has = [&col](const char* n) { return col.count(n) > 0; };
  auto at = [&col](const char* n) {
    auto it = col.find(n);
    return it == col.end() ? -1 : it->second;
  };
  Layout l;
  if (has("login_password") && has("login_uri")) {
    l = {"bitwarden", at("name"), at("login_uri"), at("login_username"), at("login_password")};
  } else if (has("password") && has("url") && has("username") &&
             (has("httprealm") || has("formactionorigin") || has("guid"))) {
    l = {"firefox", -1, at("url"), at("username"), at("password")};
  } else if (has("group") && has("title") && has("username") && has("password") && has("url")) {
    l = {"keepassxc", at("title"), at("url"), at("username"), at("password")};
  } else if (has("account") && has("login name") && has("password") && has("web site")) {
    l = {"keepass", at("account"), at("web site"), at("login name"), at("password")};
  } else if (has("title") && has("password") && has("username") &&
             (has("url") || has("urls") || has("website"))) {
    l = {"1password", at("title"),
         has("url")    ? at("url")
         : has("urls") ? at("urls")
                       : at("website"),
         at("username"), at("password")};
  } else if (has("name") && has("url") && has("username") && has("password")) {
    l = {"chrome", at("name"), at("url"), at("username"), at("password")};
  } else {
    return std::nullopt;
  }
  return l;
}

// The column names of every known format: an unknown header is described with these only (a
// first row that is data must not be echoed: it may hold a password).
bool known_column(const std::string& name) {
  static const char* const kKnown[] = {"folder",
                                       "favorite",
                                       "type",
                                       "name",
                                       "notes",
                                       "fields",
                                       "reprompt",
                                       "login_uri",
                                       "login_username",
                                       "login_password",
                                       "login_totp",
                                       "collections",
                                       "title",
                                       "url",
                                       "urls",
                                       "website",
                                       "username",
                                       "password",
                                       "otpauth",
                                       "archived",
                                       "tags",
                                       "group",
                                       "totp",
                                       "icon",
                                       "last modified",
                                       "created",
                                       "account",
                                       "login name",
                                       "web site",
                                       "comments",
                                       "note",
                                       "httprealm",
                                       "formactionorigin",
                                       "guid",
                                       "timecreated",
                                       "timelastused",
                                       "timepasswordchanged"};
  return std::any_of(std::begin(kKnown), std::end(kKnown),
                     [&name](const char* k) { return name == k; });
}

class Parser {
 public:
  Parser(Vault& vault) : vault_(vault) {}
  ~Parser() { clear_fields(); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  Result<void> run(std::string_view bytes) {
    if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) {
      bytes.remove_prefix(3);  // UTF-8 byte-order mark (Windows exports)
    }
    // Line starts, so a restart can begin at any line.
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\n' && i + 1 < bytes.size()) starts.push_back(i + 1);
    }
    std::size_t line_idx = 0;
    while (line_idx < starts.size()) {
      const std::size_t next = feed_from(bytes, starts, line_idx);
      if (fatal_) return Unexpected(*fatal_);
      if (next == starts.size()) break;
      line_idx = next;
    }
    if (!header_done_) {
      return fail(Errc::kParse, "empty file: no header row of a password-manager export",
                  vault_.file);
    }
    return {};
  }

 private:
  // Parses from line `first` (0-based) until the end or an error; returns the 0-based line to
  // restart from (starts.size() when done).
  std::size_t feed_from(std::string_view bytes, const std::vector<std::size_t>& starts,
                        std::size_t first) {
    csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI);
    csv_set_realloc_func(&p, wiping_realloc);
    csv_set_free_func(&p, wiping_free);
    csv_set_space_func(&p, no_space);
    clear_fields();
    record_line_ = first + 1;
    std::size_t restart = starts.size();
    for (std::size_t line_idx = first; line_idx < starts.size() && !fatal_; ++line_idx) {
      const std::size_t end = line_idx + 1 < starts.size() ? starts[line_idx + 1] : bytes.size();
      current_line_ = line_idx + 1;
      const std::size_t len = end - starts[line_idx];
      const std::size_t done =
          csv_parse(&p, bytes.data() + starts[line_idx], len, on_field, on_record, this);
      if (done != len) {
        const std::uint64_t broken = record_line_;
        malformed(broken, csv_error(&p) == CSV_EPARSE ? "malformed quoting in a CSV field"
                                                      : "CSV record too large");
        restart = line_idx + 1;
        csv_free(&p);
        clear_fields();
        return restart;
      }
    }
    if (!fatal_ && csv_fini(&p, on_field, on_record, this) != 0) {
      // An unterminated quote: the record swallowed everything after its start. Report it and
      // parse again from the line after the one it started on.
      const std::uint64_t broken = record_line_;
      malformed(broken, "unterminated quoted field");
      restart = static_cast<std::size_t>(broken);  // 0-based index of the following line
    }
    csv_free(&p);
    clear_fields();
    return restart;
  }

  static void on_field(void* data, std::size_t len, void* self) {
    auto* parser = static_cast<Parser*>(self);
    parser->fields_.emplace_back(static_cast<const char*>(data), len);
  }

  static void on_record(int, void* self) {
    auto* parser = static_cast<Parser*>(self);
    parser->record();
    parser->clear_fields();
    parser->record_line_ = parser->current_line_ + 1;
  }

  void record() {
    if (fatal_) return;
    if (!header_done_) {
      header_done_ = true;
      auto layout = detect(fields_);
      if (!layout) {
        std::string known;
        for (const auto& f : fields_) {
          const std::string name = lower(trim(f));
          if (!known_column(name)) continue;
          known += known.empty() ? "" : ", ";
          known += name;
        }
        fatal_ = Error(Errc::kUnsupported,
                       "unknown password-manager export: the header row has " +
                           std::to_string(fields_.size()) +
                           " columns and matches none of Bitwarden, 1Password, KeePass, KeePassXC, "
                           "Chrome/Edge or Firefox" +
                           (known.empty() ? std::string(" (no known column name)")
                                          : " (known column names: " + known + ")"),
                       vault_.file, static_cast<int>(record_line_));
        return;
      }
      layout_ = *layout;
      vault_.format = layout_.format;
      return;
    }
    if (fields_.size() == 1 && fields_[0].empty()) return;  // a blank line
    const int needed = std::max({layout_.name, layout_.url, layout_.username, layout_.password});
    if (static_cast<int>(fields_.size()) <= needed) {
      malformed(record_line_,
                "record has " + std::to_string(fields_.size()) + " fields, the header has more");
      return;
    }
    auto field = [this](int idx) { return idx < 0 ? std::string() : fields_[idx]; };
    if (fields_[static_cast<std::size_t>(layout_.password)].empty()) {
      ++vault_.skipped_empty;
      return;
    }
    VaultEntry e;
    e.name = field(layout_.name);
    e.url = field(layout_.url);
    e.username = field(layout_.username);
    e.password.assign(fields_[static_cast<std::size_t>(layout_.password)]);
    e.line = record_line_;
    vault_.entries.push_back(std::move(e));
  }

  void malformed(std::uint64_t line, const std::string& why) {
    ++vault_.skipped_malformed;
    vault_.errors.push_back(vault_.file + ":" + std::to_string(line) + ": " + why +
                            "; record skipped");
  }

  void clear_fields() {
    for (auto& f : fields_) wipe(f);
    fields_.clear();
  }

  Vault& vault_;
  Layout layout_;
  bool header_done_ = false;
  std::optional<Error> fatal_;
  std::vector<std::string> fields_;
  std::uint64_t record_line_ = 1;   // line the current record started on
  std::uint64_t current_line_ = 1;  // line being fed
};

}  // namespace

Result<Vault> parse_vault(std::string_view bytes, std::string file_name) {
  Vault vault;
  vault.file = std::move(file_name);
  Parser parser(vault);
  SW_TRY(parser.run(bytes));
  return vault;
}

Result<Vault> read_vault_file(const std::filesystem::path& path) {
  // read(2) straight into one buffer: no stream buffer keeps a second copy of the passwords.
  constexpr std::size_t kMaxSize = 256u << 20;
  const std::string name = path.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Unexpected(error_from_errno(errno, "cannot open", name));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return fail(Errc::kUnsupported, "not a regular file", name);
  }
  if (static_cast<std::uintmax_t>(st.st_size) > kMaxSize) {
    ::close(fd);
    return fail(Errc::kUnsupported, "larger than 256 MiB: not a vault export", name);
  }
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t have = 0;
  while (have < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      wipe(bytes);
      return Unexpected(error_from_errno(err, "cannot read", name));
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  ::close(fd);
  bytes.resize(have);
  auto vault = parse_vault(bytes, name);
  wipe(bytes);
  return vault;
}

std::string site_of(const VaultEntry& entry) {
  std::string_view u = entry.url;
  while (!u.empty() && (u.front() == ' ' || u.front() == '\t')) u.remove_prefix(1);
  const std::size_t scheme = u.find("://");
  if (scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
  u = u.substr(0, u.find_first_of("/?#"));
  const std::size_t at = u.rfind('@');
  if (at != std::string_view::npos) u.remove_prefix(at + 1);
  if (!u.empty() && u.front() == '[') {
    u = u.substr(0, u.find(']') == std::string_view::npos ? u.size() : u.find(']') + 1);
  } else {
    u = u.substr(0, u.find(':'));
  }
  std::string host = lower(u);
  while (!host.empty() && (host.back() == '.' || host.back() == ' ')) host.pop_back();
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  const bool bare_word = scheme == std::string_view::npos && host.find('.') == std::string::npos;
  if (host.empty() || bare_word) {
    return entry.name.empty() ? host : entry.name;
  }
  return host;
}

std::vector<std::vector<std::size_t>> group_reused_passwords(const Vault& vault) {
  unsigned char key[32];
  if (RAND_bytes(key, sizeof key) != 1) {
    for (std::size_t i = 0; i < sizeof key; ++i) key[i] = static_cast<unsigned char>(i * 131 + 7);
  }
  std::map<std::string, std::vector<std::size_t>> by_tag;
  for (std::size_t i = 0; i < vault.entries.size(); ++i) {
    const auto& pw = vault.entries[i].password;
    unsigned char tag[EVP_MAX_MD_SIZE];
    unsigned int tag_len = 0;
    HMAC(EVP_sha256(), key, sizeof key, reinterpret_cast<const unsigned char*>(pw.data()),
         pw.size(), tag, &tag_len);
    by_tag[std::string(reinterpret_cast<char*>(tag), tag_len)].push_back(i);
  }
  wipe(key, sizeof key);
  std::vector<std::vector<std::size_t>> groups;
  for (auto& [tag, members] : by_tag) {
    if (members.size() < 2) continue;
    std::vector<std::string> sites;
    for (std::size_t idx : members) sites.push_back(site_of(vault.entries[idx]));
    std::sort(sites.begin(), sites.end());
    if (std::unique(sites.begin(), sites.end()) - sites.begin() >= 2) groups.push_back(members);
  }
  std::sort(groups.begin(), groups.end());
  return groups;
}

}  // namespace sw::password
