// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/sudoers.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "core/host.h"
#include "scan/context.h"

namespace sw::scan {
namespace {

constexpr int kMaxDepth = 128;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_tag(std::string_view w) {
  static constexpr std::string_view kTags[] = {
      "NOPASSWD",  "PASSWD",      "NOEXEC",     "EXEC",         "SETENV", "NOSETENV",
      "LOG_INPUT", "NOLOG_INPUT", "LOG_OUTPUT", "NOLOG_OUTPUT", "MAIL",   "NOMAIL",
      "FOLLOW",    "NOFOLLOW",    "INTERCEPT",  "NOINTERCEPT"};
  return std::find(std::begin(kTags), std::end(kTags), w) != std::end(kTags);
}

bool is_option(std::string_view w) {
  static constexpr std::string_view kOptions[] = {
      "ROLE",      "TYPE",     "CWD",   "CHROOT",     "TIMEOUT",
      "NOTBEFORE", "NOTAFTER", "PRIVS", "LIMITPRIVS", "APPARMOR_PROFILE"};
  return std::find(std::begin(kOptions), std::end(kOptions), w) != std::end(kOptions);
}

bool is_digest(std::string_view w) {
  return w == "sha224" || w == "sha256" || w == "sha384" || w == "sha512";
}

struct LogicalLine {
  std::string text;
  int line = 0;
};

// Removes a comment: '#' at the start of a word, not followed by a digit (a UID), not escaped.
std::string_view strip_comment(std::string_view s) {
  bool word_start = true;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\') {
      ++i;
      word_start = false;
      continue;
    }
    if (c == '#' && word_start && !(i + 1 < s.size() && is_digit(s[i + 1]))) {
      return s.substr(0, i);
    }
    word_start = is_blank(c) || c == ',' || c == '=' || c == ':' || c == '(' || c == '!';
  }
  return s;
}

std::vector<LogicalLine> assemble(std::string_view text) {
  std::vector<LogicalLine> out;
  std::string acc;
  int start = 0;
  bool continuing = false;
  int n = 0;
  for (auto phys : split_lines(text)) {
    ++n;
    if (!continuing) start = n;
    std::string_view s = phys;
    // Include directives written with '#' are not comments.
    auto t = trim(s);
    bool hash_include =
        !continuing && (t.starts_with("#include") &&
                        (t.size() > 8 && (is_blank(t[8]) || t.substr(8).starts_with("dir"))));
    if (!hash_include) s = strip_comment(s);
    // A trailing '\' (itself not escaped) joins the next physical line.
    size_t bs = 0;
    while (bs < s.size() && s[s.size() - 1 - bs] == '\\') ++bs;
    if (bs % 2 == 1) {
      acc.append(s.substr(0, s.size() - 1));
      acc.push_back(' ');
      continuing = true;
      continue;
    }
    acc.append(s);
    continuing = false;
    if (!trim(acc).empty()) out.push_back({std::string(trim(acc)), start});
    acc.clear();
  }
  if (continuing && !trim(acc).empty()) out.push_back({std::string(trim(acc)), start});
  return out;
}

// A cursor over one logical line.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  void skip_ws() {
    while (i_ < s_.size() && is_blank(s_[i_])) ++i_;
  }
  bool at_end() {
    skip_ws();
    return i_ >= s_.size();
  }
  char peek() {
    skip_ws();
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  size_t pos() const { return i_; }
  void set_pos(size_t p) { i_ = p; }
  // A word: escapes and double quotes honoured; stops at a blank or any char of `stops`.
  std::string word(std::string_view stops) {
    skip_ws();
    std::string w;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\\' && i_ + 1 < s_.size()) {
        w.push_back(s_[i_ + 1]);
        i_ += 2;
        continue;
      }
      if (c == '"') {
        ++i_;
        while (i_ < s_.size() && s_[i_] != '"') {
          if (s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_;
          w.push_back(s_[i_++]);
        }
        if (i_ < s_.size()) ++i_;
        continue;
      }
      if (is_blank(c) || stops.find(c) != std::string_view::npos) break;
      w.push_back(c);
      ++i_;
    }
    return w;
  }
  // A Defaults setting: up to an unescaped ',' outside double quotes, trimmed.
  std::string setting() {
    std::string a;
    bool quoted = false;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\\' && i_ + 1 < s_.size()) {
        a.push_back(c);
        a.push_back(s_[i_ + 1]);
        i_ += 2;
        continue;
      }
      if (c == '"') quoted = !quoted;
      if (c == ',' && !quoted) break;
      a.push_back(c);
      ++i_;
    }
    return std::string(trim(a));
  }
  // Command arguments: everything up to an unescaped ',' or ':' (blanks kept, trimmed).
  std::string args() {
    std::string a;
    while (i_ < s_.size()) {
      char c = s_[i_];
      if (c == '\\' && i_ + 1 < s_.size()) {
        a.push_back(s_[i_ + 1]);
        i_ += 2;
        continue;
      }
      if (c == ',' || c == ':') break;
      a.push_back(c);
      ++i_;
    }
    return std::string(trim(a));
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

constexpr std::string_view kItemStops = ",=:()!";

bool parse_item(Cursor& c, SudoItem& item) {
  item.negated = false;
  while (c.eat('!')) item.negated = !item.negated;
  item.text = c.word(kItemStops);
  return !item.text.empty();
}

bool parse_item_list(Cursor& c, std::vector<SudoItem>& out) {
  for (;;) {
    SudoItem item;
    if (!parse_item(c, item)) return false;
    out.push_back(std::move(item));
    if (!c.eat(',')) return true;
  }
}

// A command: [!]... [digest:value] (ALL | alias | path [args]).
bool parse_command(Cursor& c, SudoItem& item) {
  item.negated = false;
  while (c.eat('!')) item.negated = !item.negated;
  for (;;) {
    size_t save = c.pos();
    std::string w = c.word(",:=()");
    if (is_digest(w) && c.eat(':')) {
      c.word(",:");
      continue;
    }
    c.set_pos(save);
    break;
  }
  std::string path = c.word(",:=()");
  if (path.empty()) return false;
  std::string a = c.args();
  item.text = a.empty() ? path : path + " " + a;
  return true;
}

bool parse_runas(Cursor& c, SudoCommand& state) {
  // after '('
  state.runas_users.clear();
  state.runas_groups.clear();
  state.runas_given = true;
  if (c.peek() != ':' && c.peek() != ')') {
    std::vector<SudoItem> users;
    if (!parse_item_list(c, users)) return false;
    for (auto& u : users) state.runas_users.push_back((u.negated ? "!" : "") + u.text);
  }
  if (c.eat(':') && c.peek() != ')') {
    std::vector<SudoItem> groups;
    if (!parse_item_list(c, groups)) return false;
    for (auto& g : groups) state.runas_groups.push_back((g.negated ? "!" : "") + g.text);
  }
  return c.eat(')');
}

void set_tag(SudoCommand& state, const std::string& tag) {
  if (tag == "NOPASSWD") state.nopasswd = true;
  if (tag == "PASSWD") state.nopasswd = false;
  // A tag replaces its opposite ("NOEXEC" / "EXEC", "X" / "NOX").
  std::string opposite = tag.starts_with("NO") ? tag.substr(2) : "NO" + tag;
  std::erase(state.tags, opposite);
  if (std::find(state.tags.begin(), state.tags.end(), tag) == state.tags.end()) {
    state.tags.push_back(tag);
  }
}

bool parse_user_spec(Cursor& c, SudoUserSpec& spec) {
  if (!parse_item_list(c, spec.users)) return false;
  for (;;) {
    SudoPrivilege priv;
    if (!parse_item_list(c, priv.hosts)) return false;
    if (!c.eat('=')) return false;
    SudoCommand state;  // runas and tags carried over inside this Cmnd_Spec_List
    for (;;) {
      if (c.eat('(')) {
        if (!parse_runas(c, state)) return false;
      }
      for (;;) {
        size_t save = c.pos();
        std::string w = c.word(",:=()!");
        if (is_tag(w) && c.eat(':')) {
          set_tag(state, w);
          continue;
        }
        if (is_option(w) && c.eat('=')) {
          c.word(",:");
          continue;
        }
        c.set_pos(save);
        break;
      }
      SudoCommand cmd = state;
      if (!parse_command(c, cmd.cmnd)) return false;
      priv.commands.push_back(std::move(cmd));
      if (c.eat(',')) continue;
      break;
    }
    spec.privileges.push_back(std::move(priv));
    if (c.eat(':')) continue;
    return c.at_end();
  }
}

bool parse_alias_line(Cursor& c, const std::string& kind, const std::string& path, int line,
                      Sudoers& into) {
  for (;;) {
    SudoAlias a;
    a.kind = kind;
    a.file = path;
    a.line = line;
    a.name = c.word(kItemStops);
    if (a.name.empty() || !c.eat('=')) return false;
    for (;;) {
      SudoItem item;
      bool ok = kind == "Cmnd_Alias" ? parse_command(c, item) : parse_item(c, item);
      if (!ok) return false;
      a.members.push_back(std::move(item));
      if (!c.eat(',')) break;
    }
    into.aliases.push_back(std::move(a));
    if (c.eat(':')) continue;
    return c.at_end();
  }
}

bool parse_defaults(std::string_view rest, const std::string& path, int line, Sudoers& into) {
  SudoDefault d;
  d.file = path;
  d.line = line;
  Cursor c(rest);
  if (!rest.empty() && (rest[0] == ':' || rest[0] == '@' || rest[0] == '>' || rest[0] == '!')) {
    d.binding = rest[0];
    c.set_pos(1);
    for (;;) {
      SudoItem item;
      if (d.binding == '!') {
        item.text = c.word(",");
      } else if (!parse_item(c, item)) {
        return false;
      }
      if (item.text.empty()) return false;
      d.bound_to.push_back(std::move(item));
      // The binding list ends at the first blank that is not around a ','.
      size_t save = c.pos();
      if (c.eat(',')) continue;
      c.set_pos(save);
      break;
    }
  } else if (!rest.empty() && !is_blank(rest[0])) {
    return false;
  }
  for (;;) {
    std::string setting = c.setting();
    if (setting.empty()) break;
    d.settings.push_back(std::move(setting));
    if (!c.eat(',')) break;
  }
  if (d.settings.empty() || !c.at_end()) return false;
  into.defaults.push_back(std::move(d));
  return true;
}

std::string parent_dir(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

void parse_sudoers(std::string_view text, const std::string& path, Sudoers& into,
                   const std::function<void(const SudoInclude&)>& on_include) {
  for (const auto& ll : assemble(text)) {
    std::string_view s = ll.text;
    auto bad = [&](std::string_view what) {
      into.parse_errors.emplace_back(Errc::kParse, std::string(what), path, ll.line);
    };
    // Include directives.
    for (std::string_view kw : {"@includedir", "#includedir", "@include", "#include"}) {
      if (s.starts_with(kw) && s.size() > kw.size() && is_blank(s[kw.size()])) {
        Cursor c(s.substr(kw.size()));
        std::string target = c.word("");
        if (target.empty()) {
          bad("include directive without a path");
          s = {};
          break;
        }
        SudoInclude inc;
        inc.is_dir = kw.ends_with("dir");
        inc.path = target.front() == '/' ? target : parent_dir(path) + "/" + target;
        inc.file = path;
        inc.line = ll.line;
        if (on_include) on_include(inc);
        s = {};
        break;
      }
    }
    if (s.empty()) continue;
    if (s.starts_with("#include")) {  // "#include" alone: malformed
      bad("include directive without a path");
      continue;
    }
    if (s.starts_with("Defaults")) {
      if (!parse_defaults(s.substr(8), path, ll.line, into)) bad("malformed Defaults line");
      continue;
    }
    bool alias = false;
    for (std::string_view kw :
         {"User_Alias", "Runas_Alias", "Host_Alias", "Cmnd_Alias", "Cmd_Alias"}) {
      if (s.starts_with(kw) && s.size() > kw.size() && is_blank(s[kw.size()])) {
        alias = true;
        Cursor c(s.substr(kw.size()));
        std::string kind = kw == "Cmd_Alias" ? "Cmnd_Alias" : std::string(kw);
        if (!parse_alias_line(c, kind, path, ll.line, into)) bad(fmt::format("malformed {}", kind));
        break;
      }
    }
    if (alias) continue;
    SudoUserSpec spec;
    spec.file = path;
    spec.line = ll.line;
    spec.text = std::string(s.substr(0, 200));
    Cursor c(s);
    if (!parse_user_spec(c, spec)) {
      bad("malformed user specification");
      continue;
    }
    into.specs.push_back(std::move(spec));
  }
}

const SudoAlias* Sudoers::find_alias(std::string_view kind, std::string_view name) const {
  for (const auto& a : aliases) {
    if (a.kind == kind && a.name == name) return &a;
  }
  return nullptr;
}

namespace {

bool all_in(const Sudoers& s, const SudoItem& item, int depth) {
  if (item.negated || depth > 32) return false;
  if (item.text == "ALL") return true;
  const SudoAlias* a = s.find_alias("Cmnd_Alias", item.text);
  if (a == nullptr) return false;
  return std::any_of(a->members.begin(), a->members.end(),
                     [&](const SudoItem& m) { return all_in(s, m, depth + 1); });
}

void expand_into(const Sudoers& s, std::string_view kind, const SudoItem& item, bool negated,
                 int depth, std::vector<std::string>& out) {
  bool neg = negated != item.negated;
  const SudoAlias* a = depth < 32 ? s.find_alias(kind, item.text) : nullptr;
  if (a == nullptr) {
    std::string leaf = (neg ? "!" : "") + item.text;
    if (std::find(out.begin(), out.end(), leaf) == out.end()) out.push_back(std::move(leaf));
    return;
  }
  for (const auto& m : a->members) expand_into(s, kind, m, neg, depth + 1, out);
}

}  // namespace

bool Sudoers::is_all_commands(const SudoItem& cmnd) const { return all_in(*this, cmnd, 0); }

std::vector<std::string> Sudoers::expand(std::string_view kind,
                                         const std::vector<SudoItem>& items) const {
  std::vector<std::string> out;
  for (const auto& i : items) expand_into(*this, kind, i, false, 0, out);
  return out;
}

bool Sudoers::authenticate_by_default(const std::vector<SudoItem>& users) const {
  auto who = expand("User_Alias", users);
  bool auth = true;
  for (const auto& d : defaults) {
    if (d.binding != 0 && d.binding != ':') continue;
    if (d.binding == ':') {
      auto bound = expand("User_Alias", d.bound_to);
      bool match = std::any_of(bound.begin(), bound.end(), [&](const std::string& b) {
        return b == "ALL" || std::find(who.begin(), who.end(), b) != who.end();
      });
      if (!match) continue;
    }
    for (const auto& st : d.settings) {
      if (st == "authenticate") auth = true;
      if (st == "!authenticate") auth = false;
    }
  }
  return auth;
}

namespace {

void read_file(ScanContext& ctx, const std::string& path, int depth, Sudoers& out) {
  if (depth > kMaxDepth) {
    out.parse_errors.emplace_back(Errc::kParse, "includes nested too deeply", path);
    return;
  }
  auto text = ctx.host().read_file(path, 4 << 20);
  if (!text) {
    out.parse_errors.push_back(text.error());
    return;
  }
  out.files.push_back(path);
  parse_sudoers(*text, path, out, [&](const SudoInclude& inc) {
    if (!inc.is_dir) {
      read_file(ctx, inc.path, depth + 1, out);
      return;
    }
    auto entries = ctx.host().list_dir(inc.path);
    if (!entries) {
      if (entries.error().code() != Errc::kNotFound) out.parse_errors.push_back(entries.error());
      return;
    }
    for (const auto& e : *entries) {  // list_dir is sorted by name
      if (e.name.ends_with('~') || e.name.find('.') != std::string::npos) continue;
      std::string p = inc.path + "/" + e.name;
      auto st = ctx.host().stat(p);
      if (!st || st->type != FileType::kRegular) continue;
      read_file(ctx, p, depth + 1, out);
    }
  });
}

}  // namespace

Result<Sudoers> Sudoers::load(ScanContext& ctx) {
  Sudoers out;
  const std::string path = "/etc/sudoers";
  if (!ctx.host().exists(path)) return out;
  out.present = true;
  auto text = ctx.host().read_file(path, 4 << 20);
  if (!text) {
    out.error = text.error();
    return out;
  }
  read_file(ctx, path, 0, out);
  for (const auto& e : out.parse_errors) ctx.input_error(e);
  return out;
}

}  // namespace sw::scan
