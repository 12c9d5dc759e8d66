// SPDX-License-Identifier: Apache-2.0
#include "support/fixture.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace sw::test {

namespace fs = std::filesystem;

FixtureRoot::FixtureRoot() {
  std::string tmpl = (fs::temp_directory_path() / "sw-fixture-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  dir_ = tmpl;
}

FixtureRoot::~FixtureRoot() {
  std::error_code ec;
  // Make everything removable again (tests create 000 modes).
  for (auto it = fs::recursive_directory_iterator(dir_, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_symlink()) ::chmod(it->path().c_str(), 0700);
  }
  fs::remove_all(dir_, ec);
}

std::string FixtureRoot::real(std::string_view inside) const {
  std::string p(inside);
  if (p.empty() || p.front() != '/') p = "/" + p;
  return dir_ + p;
}

void FixtureRoot::write(std::string_view inside, std::string_view content, mode_t mode) {
  std::string p = real(inside);
  fs::create_directories(fs::path(p).parent_path());
  {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  ::chmod(p.c_str(), mode);
}

void FixtureRoot::mkdir(std::string_view inside, mode_t mode) {
  std::string p = real(inside);
  fs::create_directories(p);
  ::chmod(p.c_str(), mode);
}

void FixtureRoot::symlink(std::string_view target, std::string_view inside) {
  std::string p = real(inside);
  fs::create_directories(fs::path(p).parent_path());
  fs::create_symlink(std::string(target), p);
}

void FixtureRoot::chmod(std::string_view inside, mode_t mode) {
  ::chmod(real(inside).c_str(), mode);
}

void FixtureRoot::chown(std::string_view inside, uid_t uid, gid_t gid) {
  if (::lchown(real(inside).c_str(), uid, gid) != 0) {
    ADD_FAILURE() << "chown failed for " << inside;
  }
}

CheckRun FixtureRoot::run_check(std::string_view id, bool live, scan::ScanOptions options) const {
  CheckRun out;
  auto check = scan::Registry::find(id);
  if (!check) {
    ADD_FAILURE() << "no check registered with id " << id;
    return out;
  }
  Host h(dir_, live);
  scan::ScanContext ctx(h, options);
  scan::Outcome outcome;
  check->run(ctx, outcome);
  auto st = outcome.status();
  out.verdict = st.has_value();
  out.status = st.value_or(CheckStatus::kError);
  out.detail = outcome.detail();
  out.issues = outcome.issues();
  out.input_errors = ctx.input_errors();
  return out;
}

bool running_as_root() { return ::geteuid() == 0; }

std::string dpkg_stanza(const std::string& name, const std::string& status) {
  return "Package: " + name + "\nStatus: " + status + "\nVersion: 1.0-1\n\n";
}

}  // namespace sw::test
