// SPDX-License-Identifier: Apache-2.0
// ScanContext: what checks see of one scan. It owns nothing of the machine; it holds the Host, the
// options, and a cache of *facts*: parsed views of the machine shared by several checks (the
// effective sshd configuration, the accounts, the file index from the single filesystem walk, the
// package list...). A fact is a type with
//     static sw::Result<Fact> load(sw::scan::ScanContext& ctx);
// and is loaded once, on first use, by ctx.fact<Fact>(). Adding a fact is adding a file in
// scan/facts/; nothing here changes. Input problems a fact meets (a malformed line) are reported
// with ctx.input_error() and end up in the report's `errors`, while the rest is still used.
//
// Thread-safety: fact() and input_error() may be called from several threads; a fact's load may
// itself call fact<Other>() (the lock is recursive).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <typeindex>
#include <vector>

#include "core/error.h"
#include "core/host.h"
#include "core/result.h"

namespace sw::scan {

struct ScanOptions {
  // Whose home directories the "home" family reads: every account's (true: root, or --root
  // mode) or only `home_uid`'s.
  bool all_homes = true;
  uint32_t home_uid = 0;
  bool walk = true;  // walk the filesystem for the permission checks (--no-walk turns it off)
};

class ScanContext {
 public:
  ScanContext(const Host& host, ScanOptions options) : host_(host), options_(options) {}
  ScanContext(const ScanContext&) = delete;
  ScanContext& operator=(const ScanContext&) = delete;

  const Host& host() const { return host_; }
  const ScanOptions& options() const { return options_; }

  template <class Fact>
  const Result<Fact>& fact() {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    auto key = std::type_index(typeid(Fact));
    auto it = facts_.find(key);
    if (it == facts_.end()) {
      it = facts_.emplace(key, std::make_unique<Box<Fact>>(Fact::load(*this))).first;
    }
    return static_cast<const Box<Fact>&>(*it->second).value;
  }

  // Records a problem with the scanned machine's input ("/etc/shadow:4: 3 fields, expected 9").
  // Repeated identical messages are kept once.
  void input_error(const Error& error);
  std::vector<std::string> input_errors() const;

 private:
  struct BoxBase {
    virtual ~BoxBase() = default;
  };
  template <class Fact>
  struct Box final : BoxBase {
    explicit Box(Result<Fact> v) : value(std::move(v)) {}
    Result<Fact> value;
  };
  const Host& host_;
  ScanOptions options_;
  mutable std::recursive_mutex mutex_;
  std::map<std::type_index, std::unique_ptr<BoxBase>> facts_;
  std::vector<std::string> input_errors_;
};

}  // namespace sw::scan
