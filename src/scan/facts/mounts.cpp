// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/mounts.h"

#include <algorithm>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/systemd_units.h"

namespace sw::scan {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && is_blank(line[i])) ++i;
    if (i >= line.size()) break;
    size_t j = i;
    while (j < line.size() && !is_blank(line[j])) ++j;
    out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

// Splits "a,b,context="x,y"" on commas outside double quotes.
std::vector<std::string> split_options(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string strip_quotes(std::string s) {
  // UUID="abc" -> UUID=abc (libmount accepts both).
  auto eq = s.find('=');
  if (eq != std::string::npos && s.size() >= eq + 3 && s[eq + 1] == '"' && s.back() == '"') {
    return s.substr(0, eq + 1) + s.substr(eq + 2, s.size() - eq - 3);
  }
  return s;
}

std::string base_name(std::string_view p) {
  auto pos = p.rfind('/');
  return std::string(pos == std::string_view::npos ? p : p.substr(pos + 1));
}

}  // namespace

bool MountEntry::has_option(std::string_view opt) const {
  return std::find(options.begin(), options.end(), opt) != options.end();
}

MountFlags mount_flags(const std::vector<std::string>& options) {
  MountFlags f;
  for (const auto& o : options) {
    if (o == "defaults") {
      f.nodev = f.nosuid = f.noexec = false;
    } else if (o == "nodev") {
      f.nodev = true;
    } else if (o == "dev") {
      f.nodev = false;
    } else if (o == "nosuid") {
      f.nosuid = true;
    } else if (o == "suid") {
      f.nosuid = false;
    } else if (o == "noexec") {
      f.noexec = true;
    } else if (o == "exec") {
      f.noexec = false;
    } else if (o == "user" || o == "users") {
      f.nodev = f.nosuid = f.noexec = true;
    } else if (o == "owner" || o == "group") {
      f.nodev = f.nosuid = true;
    } else if (o == "bind" || o == "rbind") {
      f.bind = true;
    } else if (o == "noauto") {
      f.noauto = true;
    } else if (o == "auto") {
      f.noauto = false;
    }
  }
  return f;
}

std::string missing_options(const MountFlags& f, bool want_nodev, bool want_nosuid,
                            bool want_noexec) {
  std::string out;
  auto add = [&](const char* o) {
    if (!out.empty()) out += ',';
    out += o;
  };
  if (want_nodev && !f.nodev) add("nodev");
  if (want_nosuid && !f.nosuid) add("nosuid");
  if (want_noexec && !f.noexec) add("noexec");
  return out;
}

bool CrypttabEntry::random_key() const {
  return key == "/dev/urandom" || key == "/dev/random" || key == "/dev/hw_random";
}

std::string unescape_octal(std::string_view s) {
  auto oct = [](char c) { return c >= '0' && c <= '7'; };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && oct(s[i + 1]) && oct(s[i + 2]) && oct(s[i + 3])) {
      int v = (s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0');
      if (v < 256) {
        out += static_cast<char>(v);
        i += 3;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::vector<MountEntry> parse_fstab(std::string_view text, const std::string& path,
                                    std::vector<Error>& errors) {
  std::vector<MountEntry> out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto f = fields_of(line);
    if (f.size() < 3 || f.size() > 6) {
      errors.emplace_back(Errc::kParse,
                          fmt::format("{} fields, expected 3 to 6 (source target type "
                                      "[options [dump [pass]]])",
                                      f.size()),
                          path, n);
      continue;
    }
    MountEntry e;
    e.source = strip_quotes(unescape_octal(f[0]));
    e.target = unescape_octal(f[1]);
    e.fstype = unescape_octal(f[2]);
    e.options = split_options(f.size() > 3 ? unescape_octal(f[3]) : std::string("defaults"));
    e.origin = path;
    e.line = n;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<CrypttabEntry> parse_crypttab(std::string_view text, const std::string& path,
                                          std::vector<Error>& errors) {
  std::vector<CrypttabEntry> out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto f = fields_of(line);
    if (f.size() < 2 || f.size() > 4) {
      errors.emplace_back(
          Errc::kParse,
          fmt::format("{} fields, expected 2 to 4 (name device [key [options]])", f.size()), path,
          n);
      continue;
    }
    CrypttabEntry e;
    e.name = unescape_octal(f[0]);
    e.device = strip_quotes(unescape_octal(f[1]));
    e.key = f.size() > 2 ? unescape_octal(f[2]) : std::string("none");
    if (f.size() > 3) e.options = split_options(unescape_octal(f[3]));
    e.line = n;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<SwapArea> parse_proc_swaps(std::string_view text, const std::string& path,
                                       std::vector<Error>& errors) {
  std::vector<SwapArea> out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || (n == 1 && line.starts_with("Filename"))) continue;
    auto f = fields_of(line);
    if (f.size() < 2) {
      errors.emplace_back(Errc::kParse, "expected 'Filename Type Size Used Priority'", path, n);
      continue;
    }
    out.push_back(SwapArea{unescape_octal(f[0]), std::string(f[1]), path, n});
  }
  return out;
}

std::string Mounts::source_name() const {
  return using_live() ? "/proc/self/mounts" : "/etc/fstab";
}

const MountEntry* Mounts::in_fstab(std::string_view target) const {
  const MountEntry* found = nullptr;
  for (const auto& e : fstab) {
    if (e.target != target || e.fstype == "swap" || mount_flags(e.options).noauto) continue;
    found = &e;
  }
  return found;
}

const MountEntry* Mounts::effective(std::string_view target) const {
  if (using_live()) {
    const MountEntry* found = nullptr;
    for (const auto& e : proc) {
      if (e.target == target) found = &e;
    }
    return found;
  }
  bool tmp = target == "/tmp" && tmp_unit;
  if (tmp && tmp_unit->origin.starts_with("/etc/")) return &*tmp_unit;
  if (const auto* f = in_fstab(target)) return f;
  if (tmp) return &*tmp_unit;
  return nullptr;
}

std::string Mounts::fstab_difference(std::string_view target) const {
  if (!using_live()) return "";
  const MountEntry* f = in_fstab(target);
  const MountEntry* l = effective(target);
  if (!f) return "";
  if (!l) {
    return fmt::format("/etc/fstab line {} lists {} but it is not mounted now", f->line, target);
  }
  auto ff = mount_flags(f->options);
  auto lf = mount_flags(l->options);
  if (ff.nodev == lf.nodev && ff.nosuid == lf.nosuid && ff.noexec == lf.noexec) return "";
  return fmt::format(
      "/etc/fstab line {} asks for other options ({}) than the live mount has ({}): remount or "
      "reboot to apply them",
      f->line, fmt::join(f->options, ","), fmt::join(l->options, ","));
}

const CrypttabEntry* Mounts::crypt(std::string_view name) const {
  for (const auto& c : crypttab) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::vector<SwapArea> Mounts::swap_areas() const {
  if (live && swaps_read) return swaps;
  std::vector<SwapArea> out;
  for (const auto& e : fstab) {
    if (e.fstype == "swap" && !mount_flags(e.options).noauto) {
      out.push_back(SwapArea{e.source, "fstab", e.origin, e.line});
    }
  }
  return out;
}

Result<Mounts> Mounts::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  Mounts m;
  m.live = host.live();
  std::vector<Error> errors;
  if (auto text = host.read_file("/etc/fstab", 4 << 20)) {
    m.fstab_present = true;
    m.fstab = parse_fstab(*text, "/etc/fstab", errors);
  } else if (text.error().code() != Errc::kNotFound) {
    m.fstab_error = text.error();
  }
  if (m.live) {
    if (auto text = host.read_file("/proc/self/mounts", 16 << 20)) {
      m.proc_read = true;
      m.proc = parse_fstab(*text, "/proc/self/mounts", errors);
    }
    if (auto text = host.read_file("/proc/swaps", 1 << 20)) {
      m.swaps_read = true;
      m.swaps = parse_proc_swaps(*text, "/proc/swaps", errors);
    }
  }
  if (auto text = host.read_file("/etc/crypttab", 1 << 20)) {
    m.crypttab = parse_crypttab(*text, "/etc/crypttab", errors);
  } else if (text.error().code() != Errc::kNotFound) {
    m.crypttab_error = text.error();
  }
  for (const auto& e : errors) ctx.input_error(e);

  const auto& units = ctx.fact<SystemdUnits>();
  if (units) {
    auto st = units->unit("tmp.mount");
    if (st.installed && st.enabled && !st.masked) {
      std::vector<std::string> mains, dropins;
      for (const auto& dir : unit_search_path()) {
        mains.push_back(dir + "/tmp.mount");
        dropins.push_back(dir + "/tmp.mount.d");
      }
      auto conf = read_systemd_config(ctx, mains, dropins);
      MountEntry e;
      e.target = "/tmp";
      e.origin = st.path;
      e.source = "tmpfs";
      e.fstype = "tmpfs";
      if (const auto* v = last_value(conf, "Mount", "What")) e.source = v->value;
      if (const auto* v = last_value(conf, "Mount", "Type")) e.fstype = v->value;
      if (const auto* v = last_value(conf, "Mount", "Options")) {
        e.options = split_options(v->value);
        e.origin = v->path;
        e.line = v->line;
      }
      m.tmp_unit = std::move(e);
    }
  }
  return m;
}

namespace {

constexpr int kMaxDepth = 8;

// Whether dm device `dm` ("dm-0") is dm-crypt or stacked on one (LVM on LUKS).
bool dm_is_crypt(const Host& host, const std::string& dm, std::string& how, int depth) {
  if (depth > kMaxDepth) return false;
  if (auto uuid = host.read_file("/sys/block/" + dm + "/dm/uuid", 4096)) {
    if (trim(*uuid).starts_with("CRYPT-")) {
      std::string name = dm;
      if (auto nm = host.read_file("/sys/block/" + dm + "/dm/name", 4096)) {
        name = std::string(trim(*nm));
      }
      how = fmt::format("dm-crypt device {} ({})", name, dm);
      return true;
    }
  }
  if (auto slaves = host.list_dir("/sys/block/" + dm + "/slaves")) {
    for (const auto& s : *slaves) {
      if (s.name.starts_with("dm-") && dm_is_crypt(host, s.name, how, depth + 1)) return true;
    }
  }
  return false;
}

// The kernel block device name ("dm-0", "sda2") behind `source` on a live system, or "".
std::string live_device(const Host& host, std::string_view source) {
  std::string path;
  static constexpr std::pair<std::string_view, std::string_view> kTags[] = {
      {"UUID=", "/dev/disk/by-uuid/"},
      {"LABEL=", "/dev/disk/by-label/"},
      {"PARTUUID=", "/dev/disk/by-partuuid/"},
      {"PARTLABEL=", "/dev/disk/by-partlabel/"}};
  for (const auto& [tag, dir] : kTags) {
    if (source.starts_with(tag)) path = std::string(dir) + std::string(source.substr(tag.size()));
  }
  if (path.empty()) path = std::string(source);
  if (path.starts_with("/dev/mapper/")) {
    std::string want = path.substr(12);
    if (auto blocks = host.list_dir("/sys/block")) {
      for (const auto& b : *blocks) {
        if (!b.name.starts_with("dm-")) continue;
        auto nm = host.read_file("/sys/block/" + b.name + "/dm/name", 4096);
        if (nm && trim(*nm) == want) return b.name;
      }
    }
  }
  if (path.starts_with("/dev/")) {
    if (auto link = host.read_link(path)) return base_name(*link);
    if (path.starts_with("/dev/disk/")) return "";
    return base_name(path);
  }
  return "";
}

}  // namespace

EncryptionInfo block_encryption(const Host& host, const Mounts& m, std::string_view source) {
  if (m.live) {
    std::string dev = live_device(host, source);
    if (!dev.empty() && host.exists("/sys/block")) {
      std::string how;
      if (dev.starts_with("dm-") && host.exists("/sys/block/" + dev)) {
        if (dm_is_crypt(host, dev, how, 0)) return {Encryption::kEncrypted, how};
        return {Encryption::kNotEncrypted,
                fmt::format("{} is device-mapper {} with no dm-crypt layer below it "
                            "(/sys/block/{}/dm/uuid, slaves)",
                            source, dev, dev)};
      }
      if (!dev.starts_with("dm-") && host.exists("/sys/class/block/" + dev)) {
        return {
            Encryption::kNotEncrypted,
            fmt::format("{} is the plain block device {}, not a dm-crypt mapping", source, dev)};
      }
    }
  }
  if (source.starts_with("/dev/mapper/")) {
    std::string name(source.substr(12));
    if (const auto* c = m.crypt(name)) {
      return {Encryption::kEncrypted,
              fmt::format("{} is opened from /etc/crypttab line {}", source, c->line)};
    }
    std::vector<std::string> crypt_names;
    for (const auto& c : m.crypttab) {
      if (!c.random_key()) crypt_names.push_back(c.name);
    }
    // LVM names are VG-LV with '-' inside a name doubled: one single '-' separator.
    bool lvm = false;
    for (size_t i = 0; i < name.size(); ++i) {
      if (name[i] != '-') continue;
      if (i + 1 < name.size() && name[i + 1] == '-') {
        ++i;
        continue;
      }
      lvm = true;
    }
    if (lvm && !crypt_names.empty()) {
      return {Encryption::kLikely,
              fmt::format("{} is an LVM volume and /etc/crypttab opens {}: the usual LVM-on-LUKS "
                          "layout, not provable from files alone",
                          source, fmt::join(crypt_names, ", "))};
    }
    return {Encryption::kNotEncrypted,
            fmt::format("{} is not listed in /etc/crypttab{}", source,
                        m.crypttab.empty() ? " (no crypttab entries)" : "")};
  }
  if (m.crypttab.empty()) {
    return {Encryption::kNotEncrypted,
            fmt::format("{} is not a /dev/mapper device and /etc/crypttab has no entries", source)};
  }
  if (source.starts_with("/dev/") && !source.starts_with("/dev/disk/")) {
    return {Encryption::kNotEncrypted,
            fmt::format("{} is a plain block device, not a dm-crypt mapping", source)};
  }
  return {
      Encryption::kUnknown,
      fmt::format("cannot tell from files whether {} lies on a device of /etc/crypttab", source)};
}

const Mounts* mounts_or_verdict(ScanContext& ctx, Outcome& out) {
  const auto& env = ctx.fact<Environment>();
  if (env && env->in_container()) {
    out.not_applicable(fmt::format(
        "inside a container ({}): its mounts are set up by the container runtime on the host",
        env->container));
    return nullptr;
  }
  const auto& m = ctx.fact<Mounts>();
  if (!m) {
    out.error(m.error().to_string());
    return nullptr;
  }
  if (!m->using_live()) {
    if (m->fstab_error) {
      out.error(m->fstab_error->to_string());
      return nullptr;
    }
    if (!m->fstab_present && !m->tmp_unit) {
      out.not_applicable("no /etc/fstab and no live mount table: the mounts cannot be known");
      return nullptr;
    }
  }
  return &*m;
}

std::string describe_mount(const MountEntry& e) {
  std::string where = e.line ? fmt::format("{}:{}", e.origin, e.line) : e.origin;
  return fmt::format(
      "{} on {} ({}, {}) at {}", e.source, e.target, e.fstype,
      e.options.empty() ? std::string("defaults") : fmt::format("{}", fmt::join(e.options, ",")),
      where);
}

Location fix_location(const Mounts& m, std::string_view target) {
  if (const auto* f = m.in_fstab(target)) return {f->origin, f->line};
  if (target == "/tmp" && m.tmp_unit) return {m.tmp_unit->origin, m.tmp_unit->line};
  return {"/etc/fstab", 0};
}

std::optional<Issue> missing_options_issue(const Mounts& m, const MountEntry& e,
                                           std::string_view target, bool want_nodev,
                                           bool want_nosuid, bool want_noexec) {
  auto missing = missing_options(mount_flags(e.options), want_nodev, want_nosuid, want_noexec);
  if (missing.empty()) return std::nullopt;
  std::string evidence = fmt::format("{} lacks {}: {}", target, missing, describe_mount(e));
  if (auto note = m.fstab_difference(target); !note.empty()) evidence += "; " + note;
  return Issue{.subject = std::string(target),
               .evidence = std::move(evidence),
               .location = fix_location(m, target)};
}

}  // namespace sw::scan
