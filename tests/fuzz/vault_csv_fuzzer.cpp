// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the password-manager CSV reader (password/vault/vault.h), with each known
// header row in front of the input so the record path is reached, and the input alone.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "password/vault/vault.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const char* const kHeaders[] = {
      "",
      "name,url,username,password\n",
      "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,"
      "login_totp\n",
      "\"url\",\"username\",\"password\",\"httpRealm\",\"formActionOrigin\",\"guid\"\n",
  };
  for (const char* header : kHeaders) {
    auto vault = sw::password::parse_vault(std::string(header) + std::string(text), "fuzz.csv");
    if (!vault) continue;
    for (const auto& e : vault->entries) (void)sw::password::site_of(e);
    (void)sw::password::group_reused_passwords(*vault);
  }
  return 0;
}
