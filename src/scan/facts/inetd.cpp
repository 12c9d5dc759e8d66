// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/inetd.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/packages.h"

namespace sw::scan {
namespace {

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string join_words(const std::vector<std::string_view>& w, size_t from) {
  std::string out;
  for (size_t i = from; i < w.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += w[i];
  }
  return out;
}

}  // namespace

bool InetdService::mentions(std::string_view word) const {
  if (name == word) return true;
  std::string w(word);
  for (const std::string* text : {&server, &args}) {
    for (auto tok : words_of(*text)) {
      auto slash = tok.rfind('/');
      auto base = slash == std::string_view::npos ? tok : tok.substr(slash + 1);
      if (base == w || base == w + "d" || base == "in." + w || base == "in." + w + "d") {
        return true;
      }
    }
  }
  return false;
}

std::vector<InetdService> parse_inetd_conf(std::string_view text, const std::string& path,
                                           std::vector<Error>& errors) {
  std::vector<InetdService> out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto w = words_of(line);
    // inetutils allows a lone "address:" line that sets the default address for what follows.
    if (w.size() == 1 && w[0].back() == ':') continue;
    if (w.size() < 6) {
      errors.emplace_back(Errc::kParse,
                          fmt::format("{} fields, expected at least 6 (service socket-type "
                                      "protocol wait user server [args])",
                                      w.size()),
                          path, n);
      continue;
    }
    InetdService s;
    std::string_view name = w[0];
    if (auto colon = name.rfind(':'); colon != std::string_view::npos) {
      name = name.substr(colon + 1);
    }
    s.name = std::string(name);
    s.protocol = std::string(w[2]);
    s.server = std::string(w[5]);
    s.args = join_words(w, 6);
    s.path = path;
    s.line = n;
    out.push_back(std::move(s));
  }
  return out;
}

XinetdFile parse_xinetd(std::string_view text, const std::string& path,
                        std::vector<Error>& errors) {
  XinetdFile out;
  enum class State { kTop, kWantBrace, kService, kDefaults } state = State::kTop;
  bool block_is_defaults = false;
  XinetdFile::Service cur;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (auto hash = line.find('#'); hash != std::string_view::npos)
      line = trim(line.substr(0, hash));
    if (line.empty()) continue;
    auto w = words_of(line);
    switch (state) {
      case State::kTop:
        if (w[0] == "service" && w.size() >= 2) {
          cur = XinetdFile::Service{};
          cur.service.name = std::string(w[1]);
          cur.service.path = path;
          cur.service.line = n;
          block_is_defaults = false;
          state = (w.size() >= 3 && w[2] == "{") ? State::kService : State::kWantBrace;
        } else if (w[0] == "defaults") {
          block_is_defaults = true;
          state = (w.size() >= 2 && w[1] == "{") ? State::kDefaults : State::kWantBrace;
        } else if (w[0] == "includedir" && w.size() == 2) {
          out.includedirs.emplace_back(w[1]);
        } else {
          errors.emplace_back(Errc::kParse, "expected 'service NAME', 'defaults' or 'includedir'",
                              path, n);
        }
        break;
      case State::kWantBrace:
        if (w[0] == "{") {
          state = block_is_defaults ? State::kDefaults : State::kService;
        } else {
          errors.emplace_back(Errc::kParse, "expected '{'", path, n);
          state = State::kTop;
        }
        break;
      case State::kService:
      case State::kDefaults: {
        if (w[0] == "}") {
          if (state == State::kService) out.services.push_back(std::move(cur));
          state = State::kTop;
          break;
        }
        if (w.size() < 2 || (w[1] != "=" && w[1] != "+=" && w[1] != "-=")) {
          errors.emplace_back(Errc::kParse, "expected 'attribute = value'", path, n);
          break;
        }
        std::string_view attr = w[0];
        std::string value = join_words(w, 2);
        if (state == State::kService) {
          if (attr == "disable") cur.disabled = value == "yes";
          if (attr == "server") cur.service.server = value;
          if (attr == "server_args") cur.service.args = value;
          if (attr == "protocol") cur.service.protocol = value;
        } else {
          for (size_t i = 2; i < w.size(); ++i) {
            if (attr == "disabled") out.defaults_disabled.emplace_back(w[i]);
            if (attr == "enabled") out.defaults_enabled.emplace_back(w[i]);
          }
          if (attr == "enabled") out.has_defaults_enabled = true;
        }
        break;
      }
    }
  }
  if (state != State::kTop) {
    errors.emplace_back(Errc::kParse, "unterminated block at end of file", path, n);
  }
  return out;
}

std::vector<const InetdService*> Inetd::mentioning(
    std::initializer_list<std::string_view> words) const {
  std::vector<const InetdService*> out;
  for (const auto& s : services) {
    for (auto w : words) {
      if (s.mentions(w)) {
        out.push_back(&s);
        break;
      }
    }
  }
  return out;
}

Result<Inetd> Inetd::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  Inetd out;
  std::vector<Error> errors;
  if (auto text = host.read_file("/etc/inetd.conf", 1 << 20)) {
    out.inetd_conf_present = true;
    out.services = parse_inetd_conf(*text, "/etc/inetd.conf", errors);
  } else if (text.error().code() != Errc::kNotFound) {
    ctx.input_error(text.error());
  }
  std::vector<XinetdFile::Service> xservices;
  XinetdFile top;
  if (auto text = host.read_file("/etc/xinetd.conf", 1 << 20)) {
    out.xinetd_conf_present = true;
    top = parse_xinetd(*text, "/etc/xinetd.conf", errors);
    xservices = top.services;
    for (const auto& dir : top.includedirs) {
      for (const auto& f : host.list_files(dir)) {
        std::string name = f.substr(f.rfind('/') + 1);
        if (name.find('.') != std::string::npos || name.ends_with("~")) continue;
        auto body = host.read_file(f, 1 << 20);
        if (!body) {
          ctx.input_error(body.error());
          continue;
        }
        auto file = parse_xinetd(*body, f, errors);
        for (auto& s : file.services) xservices.push_back(std::move(s));
      }
    }
  }
  for (auto& s : xservices) {
    const auto& name = s.service.name;
    auto listed = [&](const std::vector<std::string>& v) {
      return std::find(v.begin(), v.end(), name) != v.end();
    };
    if (s.disabled || listed(top.defaults_disabled)) continue;
    if (top.has_defaults_enabled && !listed(top.defaults_enabled)) continue;
    out.services.push_back(std::move(s.service));
  }
  for (const auto& e : errors) ctx.input_error(e);
  return out;
}

void check_server_absent(ScanContext& ctx, Outcome& out,
                         std::initializer_list<std::string_view> packages,
                         std::initializer_list<std::string_view> inetd_words,
                         std::string_view what) {
  int found = 0;
  const auto& pk = ctx.fact<Packages>();
  if (!pk) {
    out.error(pk.error().to_string());
  } else if (pk->available) {
    for (const auto* p : pk->present_any(packages)) {
      ++found;
      out.fail(Issue{.subject = "package " + p->name,
                     .evidence = fmt::format("{} {} is installed ({}) ({}:{})", p->name, p->version,
                                             p->status, kDpkgStatusPath, p->line),
                     .location = {std::string(kDpkgStatusPath), p->line},
                     .package = p->name});
    }
  }
  const auto& inetd = ctx.fact<Inetd>();
  if (!inetd) {
    out.error(inetd.error().to_string());
  } else if (inetd_words.size() > 0) {
    for (const auto* s : inetd->mentioning(inetd_words)) {
      ++found;
      out.fail(
          Issue{.subject = fmt::format("{} service {}", s->path, s->name),
                .evidence = fmt::format("{} is enabled in {}:{} (server {}{}{})", s->name, s->path,
                                        s->line, s->server, s->args.empty() ? "" : " ", s->args),
                .location = {s->path, s->line}});
    }
  }
  if (found > 0) return;
  if (pk && !pk->available) {
    out.not_applicable(pk->unavailable_reason);
    return;
  }
  out.pass(fmt::format("no {} is installed{}", what,
                       inetd_words.size() > 0 ? " or enabled in inetd/xinetd" : ""));
}

}  // namespace sw::scan
