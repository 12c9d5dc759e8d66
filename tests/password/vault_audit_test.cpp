// SPDX-License-Identifier: Apache-2.0
// audit_vault(): the findings of a password manager's export, owned by `user`, at file and line,
// never with the password.
#include "password/vault_audit.h"

#include <algorithm>
#include <map>

#include <gtest/gtest.h>

namespace sw::password {
namespace {

constexpr const char* kHeader =
    "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,"
    "login_totp\n";

Vault vault_of(const std::string& rows) {
  auto v = parse_vault(std::string(kHeader) + rows, "export.csv");
  EXPECT_TRUE(v);
  return v ? std::move(*v) : Vault{};
}

std::map<std::string, std::vector<const Finding*>> by_check(const VaultAudit& a) {
  std::map<std::string, std::vector<const Finding*>> m;
  for (const auto& f : a.findings) m[f.check].push_back(&f);
  return m;
}

TEST(VaultAudit, WeakReusedAndPolicy) {
  const Vault v = vault_of(
      ",,login,Mail,,,0,https://mail.example.com/,alice,Summer2019!,\n"
      ",,login,Shop,,,0,https://www.shop.example/,alice,vivid-plinth-oxbow-sundial,\n"
      ",,login,Forum,,,0,https://forum.example.org/,al,vivid-plinth-oxbow-sundial,\n"
      ",,login,Bank,,,0,https://bank.example.net/,alice,q8#Lw2!vRt9@zPm4&Xc7$Hn5,\n"
      ",,login,Wiki,,,0,https://wiki.example.com/,wikiadmin,wikiadmin-and-more-words-here,\n"
      ",,note,Note,text,,0,,,,\n");
  AssessOptions o;
  o.estimator.reference_year = 2017;
  const VaultAudit a = audit_vault(v, o, "host1");
  EXPECT_EQ(a.entries, 5u);
  EXPECT_EQ(a.weak, 1u);
  EXPECT_EQ(a.reused_groups, 1u);
  EXPECT_EQ(a.reused_entries, 2u);
  EXPECT_EQ(a.breached, 0u);
  auto m = by_check(a);
  ASSERT_EQ(m["password.vault.weak"].size(), 1u);
  const Finding& weak = *m["password.vault.weak"][0];
  EXPECT_EQ(weak.subject, "mail.example.com (alice)");
  EXPECT_EQ(weak.location.path, "export.csv");
  EXPECT_EQ(weak.location.line, 2);
  EXPECT_EQ(weak.responsible.role, Role::kUser);
  ASSERT_EQ(m["password.vault.reused"].size(), 1u);
  EXPECT_EQ(m["password.vault.reused"][0]->subject, "forum.example.org (al), shop.example (alice)");
  // The wiki password contains its user name: a policy finding, not a weak one.
  bool wiki = false;
  for (const Finding* f : m["password.vault.policy"]) {
    if (f->subject == "wiki.example.com (wikiadmin)") wiki = true;
  }
  EXPECT_TRUE(wiki);
  for (const auto& f : a.findings) {
    for (const char* secret : {"Summer2019", "plinth", "q8#Lw2", "and-more-words"}) {
      EXPECT_EQ(f.evidence.find(secret), std::string::npos) << f.check;
      EXPECT_EQ(f.title.find(secret), std::string::npos) << f.check;
      for (const auto& [k, val] : f.details) EXPECT_EQ(val.find(secret), std::string::npos);
    }
  }
  // Ids are stable: the same export gives the same ids.
  const VaultAudit b = audit_vault(v, o, "host1");
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t k = 0; k < a.findings.size(); ++k) EXPECT_EQ(a.findings[k].id, b.findings[k].id);
}

}  // namespace
}  // namespace sw::password
