// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/firewall.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "scan/context.h"
#include "scan/facts/packages.h"

namespace sw::scan {
namespace {

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// ---- nftables tokens ---------------------------------------------------------------------------

struct Token {
  std::string text;  // a word, or one of "{", "}", ";", "\n"
  int line = 0;
};

std::vector<Token> tokenize_nft(std::string_view text) {
  std::vector<Token> out;
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      out.push_back({"\n", line});
      ++line;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '\\' && i + 1 < text.size() && text[i + 1] == '\n') {
      i += 2;  // line continuation
      ++line;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '{' || c == '}' || c == ';') {
      out.push_back({std::string(1, c), line});
      ++i;
    } else if (c == '"') {
      size_t j = text.find('"', i + 1);
      if (j == std::string_view::npos) j = text.size();
      out.push_back({std::string(text.substr(i + 1, j - i - 1)), line});
      i = j + 1;
    } else {
      size_t j = i;
      while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\r' &&
             text[j] != '\n' && text[j] != '{' && text[j] != '}' && text[j] != ';' &&
             text[j] != '#' && text[j] != '"') {
        ++j;
      }
      out.push_back({std::string(text.substr(i, j - i)), line});
      i = j;
    }
  }
  return out;
}

bool is_family(std::string_view w) {
  return w == "ip" || w == "ip6" || w == "inet" || w == "arp" || w == "bridge" || w == "netdev";
}

// A rule that drops everything: its verdict is drop/reject and it matches nothing first.
bool unconditional_drop(const std::vector<std::string>& words) {
  if (words.empty()) return false;
  size_t i = 0;
  while (i < words.size() && (words[i] == "counter" || words[i] == "log")) {
    ++i;
    // log options: prefix "x", level x, flags x
    while (i + 1 < words.size() && (words[i] == "prefix" || words[i] == "level" ||
                                    words[i] == "flags" || words[i] == "group")) {
      i += 2;
    }
  }
  return i < words.size() && (words[i] == "drop" || words[i] == "reject");
}

}  // namespace

bool NftChain::filters_input() const {
  return hook == "input" && (family == "ip" || family == "ip6" || family == "inet") &&
         (policy == "drop" || final_drop);
}

NftRuleset parse_nftables(std::string_view text, const std::string& path,
                          std::vector<Error>& errors) {
  NftRuleset out;
  enum class Kind { kRoot, kTable, kChain, kOther };
  struct Frame {
    Kind kind;
    std::string family, table;
    int chain = -1;  // index in out.chains
  };
  std::vector<Frame> stack{{Kind::kRoot, "", "", -1}};
  std::vector<std::string> stmt;
  int stmt_line = 0;
  int inline_depth = 0;  // braces opened inside a statement (anonymous sets)

  auto finish = [&]() {
    if (stmt.empty()) return;
    Frame& f = stack.back();
    if (f.kind == Kind::kRoot && stmt[0] == "include" && stmt.size() >= 2) {
      out.includes.emplace_back(stmt[1], stmt_line);
    } else if (f.kind == Kind::kChain && f.chain >= 0) {
      NftChain& c = out.chains[static_cast<size_t>(f.chain)];
      if (stmt[0] == "type") {
        for (size_t i = 0; i + 1 < stmt.size(); ++i) {
          if (stmt[i] == "hook") c.hook = stmt[i + 1];
        }
      } else if (stmt[0] == "policy" && stmt.size() >= 2) {
        c.policy = stmt[1];
      } else if (stmt[0] != "comment" && stmt[0] != "devices") {
        c.final_drop = unconditional_drop(stmt);
        if (c.final_drop) c.line = stmt_line;
      }
    }
    stmt.clear();
  };

  for (const auto& t : tokenize_nft(text)) {
    if (t.text == "\n" || t.text == ";") {
      if (inline_depth > 0) continue;
      finish();
    } else if (t.text == "{") {
      if (inline_depth > 0 || (stack.back().kind == Kind::kChain && !stmt.empty())) {
        ++inline_depth;
        stmt.push_back("{");
        continue;
      }
      Frame f{Kind::kOther, stack.back().family, stack.back().table, -1};
      if (!stmt.empty() && stmt[0] == "table" && stack.back().kind == Kind::kRoot) {
        f.kind = Kind::kTable;
        if (stmt.size() >= 3 && is_family(stmt[1])) {
          f.family = stmt[1];
          f.table = stmt[2];
        } else {
          f.family = "ip";  // nft's default family
          f.table = stmt.size() >= 2 ? stmt[1] : "";
        }
      } else if (!stmt.empty() && stmt[0] == "chain" && stack.back().kind == Kind::kTable) {
        f.kind = Kind::kChain;
        NftChain c;
        c.family = f.family;
        c.table = f.table;
        c.name = stmt.size() >= 2 ? stmt[1] : "";
        c.file = path;
        c.line = stmt_line;
        out.chains.push_back(std::move(c));
        f.chain = static_cast<int>(out.chains.size()) - 1;
      }
      stmt.clear();
      stack.push_back(std::move(f));
    } else if (t.text == "}") {
      if (inline_depth > 0) {
        --inline_depth;
        stmt.push_back("}");
        continue;
      }
      finish();
      if (stack.size() <= 1) {
        errors.emplace_back(Errc::kParse, "unbalanced '}'", path, t.line);
        continue;
      }
      stack.pop_back();
    } else {
      if (stmt.empty()) stmt_line = t.line;
      stmt.push_back(t.text);
    }
  }
  finish();
  if (stack.size() > 1 || inline_depth > 0) {
    errors.emplace_back(Errc::kParse, "unterminated block at end of file", path, 0);
  }
  return out;
}

IptablesInput parse_iptables_save(std::string_view text, const std::string& path,
                                  std::vector<Error>& errors) {
  IptablesInput out;
  bool in_filter = false;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '*') {
      in_filter = line == "*filter";
      out.has_filter = out.has_filter || in_filter;
      continue;
    }
    if (line == "COMMIT") {
      in_filter = false;
      continue;
    }
    if (!in_filter) continue;
    auto w = split_words(line);
    if (line.front() == ':') {
      if (w.size() < 2) {
        errors.emplace_back(Errc::kParse, "chain line without a policy", path, n);
        continue;
      }
      if (w[0] == ":INPUT") {
        out.policy = std::string(w[1]);
        out.line = n;
      }
      continue;
    }
    if (w.size() >= 2 && w[0] == "-A" && w[1] == "INPUT") {
      // Unconditional: only -A INPUT, -j TARGET, and options that do not match packets.
      bool conditional = false;
      std::string target;
      for (size_t i = 2; i < w.size(); ++i) {
        if ((w[i] == "-j" || w[i] == "--jump") && i + 1 < w.size()) {
          target = std::string(w[++i]);
        } else if (w[i] == "--reject-with" || w[i] == "--comment") {
          ++i;
        } else if (w[i] == "-m" && i + 1 < w.size() && w[i + 1] == "comment") {
          ++i;
        } else {
          conditional = true;
        }
      }
      out.final_drop = !conditional && (target == "DROP" || target == "REJECT");
      if (out.final_drop) out.line = n;
    }
  }
  return out;
}

bool systemd_unit_enabled(const Host& host, std::string_view unit) {
  for (std::string_view dir : {"/etc/systemd/system", "/usr/lib/systemd/system"}) {
    if (auto mask = host.read_link(fmt::format("{}/{}", dir, unit));
        mask && *mask == "/dev/null" && dir == "/etc/systemd/system") {
      return false;  // masked
    }
  }
  auto entries = host.list_dir("/etc/systemd/system");
  if (!entries) return false;
  for (const auto& e : *entries) {
    if (!std::string_view(e.name).ends_with(".wants")) continue;
    if (host.lstat(fmt::format("/etc/systemd/system/{}/{}", e.name, unit))) return true;
  }
  return false;
}

const FirewallTool* Firewall::first_active() const {
  for (const auto& t : tools) {
    if (t.active()) return &t;
  }
  return nullptr;
}

namespace {

void load_nft_file(ScanContext& ctx, const std::string& path, int depth,
                   std::vector<NftChain>& chains) {
  if (depth > 8) return;
  auto text = ctx.host().read_file(path, 4u << 20);
  if (!text) {
    if (depth > 0) ctx.input_error(text.error());
    return;
  }
  std::vector<Error> errors;
  auto rs = parse_nftables(*text, path, errors);
  for (const auto& e : errors) ctx.input_error(e);
  for (auto& c : rs.chains) chains.push_back(std::move(c));
  for (const auto& [inc, line] : rs.includes) {
    std::string p = inc.starts_with("/") ? inc : "/etc/" + inc;
    auto star = p.find('*');
    if (star == std::string::npos) {
      load_nft_file(ctx, p, depth + 1, chains);
      continue;
    }
    auto slash = p.rfind('/', star);
    std::string dir = p.substr(0, slash);
    std::string suffix = p.substr(star + 1);
    for (const auto& f : ctx.host().list_files(dir, suffix)) {
      load_nft_file(ctx, f, depth + 1, chains);
    }
  }
}

void add_nftables(ScanContext& ctx, Firewall& fw) {
  const Host& host = ctx.host();
  if (!host.exists("/etc/nftables.conf")) return;
  FirewallTool t;
  t.name = "nftables";
  t.location = {"/etc/nftables.conf", 0};
  std::vector<NftChain> chains;
  load_nft_file(ctx, "/etc/nftables.conf", 0, chains);
  std::vector<std::string> seen;
  for (const auto& c : chains) {
    if (!c.filters_input()) continue;
    t.filters = true;
    if (c.family == "ip" || c.family == "inet") t.covers_ipv4 = true;
    if (c.family == "ip6" || c.family == "inet") t.covers_ipv6 = true;
    if (t.location.line == 0 || t.location.path != c.file) t.location = {c.file, c.line};
    seen.push_back(fmt::format("{} {} chain {} ({}:{}: {})", c.family, c.table, c.name, c.file,
                               c.line, c.policy == "drop" ? "policy drop" : "final drop"));
  }
  t.enabled = systemd_unit_enabled(host, "nftables.service");
  if (!t.filters) {
    t.evidence = "/etc/nftables.conf has no input chain with policy drop or a final drop rule";
  } else {
    t.evidence = fmt::format("input filtered by {}", fmt::join(seen, ", "));
    if (!t.enabled) t.evidence += "; but nftables.service is not enabled";
  }
  if (!t.covers_ipv6) {
    t.ipv6_gap = "the nftables input filtering is only in 'ip' (IPv4) tables; use 'inet'";
  }
  fw.tools.push_back(std::move(t));
}

std::map<std::string, std::pair<std::string, int>> shell_vars(std::string_view text) {
  std::map<std::string, std::pair<std::string, int>> out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    auto key = trim(line.substr(0, eq));
    auto value = trim(line.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    out[std::string(key)] = {std::string(value), n};
  }
  return out;
}

void add_ufw(ScanContext& ctx, Firewall& fw) {
  const Host& host = ctx.host();
  auto conf = host.read_file("/etc/ufw/ufw.conf", 1 << 20);
  if (!conf) return;
  FirewallTool t;
  t.name = "ufw";
  auto vars = shell_vars(*conf);
  auto enabled = vars.find("ENABLED");
  t.enabled = enabled != vars.end() && enabled->second.first == "yes";
  t.location = {"/etc/ufw/ufw.conf", enabled != vars.end() ? enabled->second.second : 0};
  std::map<std::string, std::pair<std::string, int>> defaults;
  if (auto d = host.read_file("/etc/default/ufw", 1 << 20)) defaults = shell_vars(*d);
  auto policy = defaults.find("DEFAULT_INPUT_POLICY");
  std::string pol = policy != defaults.end() ? policy->second.first : "";
  t.filters = pol == "DROP" || pol == "REJECT";
  t.covers_ipv4 = t.filters;
  auto ipv6 = defaults.find("IPV6");
  t.covers_ipv6 = t.filters && ipv6 != defaults.end() && ipv6->second.first == "yes";
  if (!t.covers_ipv6) {
    t.ipv6_gap = ipv6 != defaults.end() ? fmt::format("IPV6={} (/etc/default/ufw:{})",
                                                      ipv6->second.first, ipv6->second.second)
                                        : std::string("IPV6 is not set to yes in /etc/default/ufw");
  }
  std::vector<std::string> parts;
  parts.push_back(enabled != vars.end() ? fmt::format("ENABLED={} (/etc/ufw/ufw.conf:{})",
                                                      enabled->second.first, enabled->second.second)
                                        : std::string("ENABLED not set in /etc/ufw/ufw.conf"));
  parts.push_back(
      policy != defaults.end()
          ? fmt::format("DEFAULT_INPUT_POLICY={} (/etc/default/ufw:{})", pol, policy->second.second)
          : std::string("DEFAULT_INPUT_POLICY not set in /etc/default/ufw"));
  t.evidence = fmt::format("{}", fmt::join(parts, ", "));
  fw.tools.push_back(std::move(t));
}

bool package_installed(ScanContext& ctx, std::string_view name) {
  const auto& pkgs = ctx.fact<Packages>();
  return pkgs && pkgs->present(name) != nullptr;
}

void add_iptables(ScanContext& ctx, Firewall& fw) {
  const Host& host = ctx.host();
  auto v4 = host.read_file("/etc/iptables/rules.v4", 4u << 20);
  if (!v4) return;
  FirewallTool t;
  t.name = "iptables-persistent";
  std::vector<Error> errors;
  auto in4 = parse_iptables_save(*v4, "/etc/iptables/rules.v4", errors);
  t.filters = in4.filters_input();
  t.covers_ipv4 = t.filters;
  t.location = {"/etc/iptables/rules.v4", in4.line};
  t.enabled = systemd_unit_enabled(host, "netfilter-persistent.service") ||
              package_installed(ctx, "iptables-persistent");
  if (auto v6 = host.read_file("/etc/iptables/rules.v6", 4u << 20)) {
    auto in6 = parse_iptables_save(*v6, "/etc/iptables/rules.v6", errors);
    t.covers_ipv6 = in6.filters_input();
    if (!t.covers_ipv6) t.ipv6_gap = "/etc/iptables/rules.v6 does not drop incoming traffic";
  } else {
    t.ipv6_gap = "/etc/iptables/rules.v4 has no /etc/iptables/rules.v6 counterpart";
  }
  for (const auto& e : errors) ctx.input_error(e);
  if (!t.filters) {
    t.evidence = "/etc/iptables/rules.v4: INPUT policy is " +
                 (in4.policy.empty() ? std::string("unset") : in4.policy) +
                 " and there is no final DROP rule";
  } else {
    t.evidence = fmt::format(
        "/etc/iptables/rules.v4:{}: {}", in4.line,
        in4.final_drop ? "final -A INPUT -j DROP" : fmt::format(":INPUT {}", in4.policy));
    if (!t.enabled) t.evidence += "; but nothing restores it at boot (netfilter-persistent)";
  }
  fw.tools.push_back(std::move(t));
}

void add_firewalld(ScanContext& ctx, Firewall& fw) {
  const Host& host = ctx.host();
  bool installed = host.exists("/usr/sbin/firewalld") || package_installed(ctx, "firewalld");
  if (!installed) return;
  FirewallTool t;
  t.name = "firewalld";
  t.filters = true;  // the default zone rejects what it does not allow
  t.covers_ipv4 = t.covers_ipv6 = true;
  t.enabled = systemd_unit_enabled(host, "firewalld.service");
  t.evidence = t.enabled ? "firewalld.service is enabled" : "firewalld.service is not enabled";
  t.location = {"/etc/firewalld/firewalld.conf", 0};
  fw.tools.push_back(std::move(t));
}

void detect_ipv6(ScanContext& ctx, Firewall& fw) {
  const Host& host = ctx.host();
  if (host.live()) {
    if (!host.exists("/proc/net/if_inet6")) {
      fw.ipv6_enabled = false;
      fw.ipv6_evidence = "the running kernel has no IPv6 (/proc/net/if_inet6 missing)";
    } else if (auto d = host.read_file("/proc/sys/net/ipv6/conf/all/disable_ipv6", 64);
               d && trim(*d) == "1") {
      fw.ipv6_enabled = false;
      fw.ipv6_evidence = "net.ipv6.conf.all.disable_ipv6 = 1 in the running kernel";
    }
    return;
  }
  if (auto grub = host.read_file("/etc/default/grub", 1 << 20);
      grub && grub->find("ipv6.disable=1") != std::string::npos) {
    fw.ipv6_enabled = false;
    fw.ipv6_evidence = "ipv6.disable=1 on the kernel command line (/etc/default/grub)";
    return;
  }
  std::vector<std::string> files{"/etc/sysctl.conf"};
  for (auto& f : host.list_files("/etc/sysctl.d", ".conf")) files.push_back(std::move(f));
  for (const auto& f : files) {
    auto text = host.read_file(f, 1 << 20);
    if (!text) continue;
    for (auto raw : split_lines(*text)) {
      auto line = trim(raw);
      if (line.empty() || line.front() == '#' || line.front() == ';') continue;
      auto eq = line.find('=');
      if (eq == std::string_view::npos) continue;
      auto key = trim(line.substr(0, eq));
      auto value = trim(line.substr(eq + 1));
      if ((key == "net.ipv6.conf.all.disable_ipv6" || key == "net/ipv6/conf/all/disable_ipv6")) {
        fw.ipv6_enabled = value != "1";
        fw.ipv6_evidence = fmt::format("net.ipv6.conf.all.disable_ipv6 = {} ({})", value, f);
      }
    }
  }
}

}  // namespace

Result<Firewall> Firewall::load(ScanContext& ctx) {
  Firewall fw;
  add_nftables(ctx, fw);
  add_ufw(ctx, fw);
  add_iptables(ctx, fw);
  add_firewalld(ctx, fw);
  detect_ipv6(ctx, fw);
  const Host& host = ctx.host();
  if (host.live()) {
    auto names = host.read_file("/proc/net/ip_tables_names", 4096);
    auto names6 = host.read_file("/proc/net/ip6_tables_names", 4096);
    auto modules = host.read_file("/proc/modules", 4u << 20);
    bool legacy = (names && !trim(*names).empty()) || (names6 && !trim(*names6).empty());
    bool nft = (modules && (modules->starts_with("nf_tables ") ||
                            modules->find("\nnf_tables ") != std::string::npos)) ||
               host.exists("/sys/module/nf_tables");
    if (legacy || nft) {
      fw.kernel_rules_loaded = true;
      fw.kernel_evidence = legacy ? "iptables tables are loaded (/proc/net/ip_tables_names)"
                                  : "the nf_tables module is loaded";
    } else if (names || modules) {
      fw.kernel_rules_loaded = false;
      fw.kernel_evidence =
          "no iptables table is loaded and the nf_tables module is not loaded (/proc/modules)";
    }
  }
  return fw;
}

}  // namespace sw::scan
