// SPDX-License-Identifier: Apache-2.0
// The files under a home directory where credentials typically leak, for `shieldwall scan`'s
// home-directory secret check: shell and REPL histories, tool credential files (~/.netrc,
// ~/.git-credentials, ~/.aws/credentials, ~/.docker/config.json, ~/.npmrc, ~/.pypirc,
// ~/.kube/config, ~/.pgpass, ~/.my.cnf, ~/.s3cfg, ~/.boto, ~/.terraformrc, ~/.gradle/...,
// ~/.m2/settings.xml, ~/.cargo/credentials.toml, ...), private keys in ~/.ssh (id_*, *.pem,
// *.key, never *.pub), .env files in the home and its direct subdirectories, and config-like
// files (.json, .yaml, .toml, .ini, .conf, .properties, .xml, "credentials", "hosts"...) under
// ~/.config, ~/.aws, ~/.azure, ~/.docker and a few more, at most a few levels deep.
//
// Bounded: it lists a fixed set of directories, never walks the whole home tree, caps the
// entries it looks at, does not enter symlinked directories and skips browser profiles and caches
// under ~/.config. The list is the union of what gitleaks', trufflehog's and detect-secrets'
// users report as leak sites and what those tools' own docs name as credential stores.
#pragma once

#include <string>
#include <vector>

namespace sw::secrets {

// Existing regular files (symlinks to files included), as `home` joined with the relative path,
// sorted and without duplicates. A missing or unreadable home gives an empty list.
std::vector<std::string> home_secret_candidates(const std::string& home);

}  // namespace sw::secrets
