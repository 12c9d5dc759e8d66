// SPDX-License-Identifier: Apache-2.0
// Parsers of the plaintext credential files people keep in their home directory. Each is a pure
// function over the file's text; malformed records are returned in `errors` (file and line) and
// skipped, the rest is kept. No parser keeps a secret value: only where it is and how long it is.
//
// - ~/.netrc (netrc(5) as read by curl and inetutils ftp): whitespace-separated tokens
//   "machine NAME", "default", "login NAME", "password STRING", "account STRING",
//   "macdef NAME" (the macro body runs to the next empty line); curl also accepts "#" comments
//   and double-quoted strings with backslash escapes.
// - ~/.git-credentials (git-credential-store(1)): one URL per line,
//   "https://user:password@host[/path]", with percent-encoded user and password.
// - ~/.pgpass (libpq, PostgreSQL "The Password File"): host:port:database:username:password,
//   "#" comments, "\:" and "\\" escapes; a line with fewer than five fields is ignored by libpq.
// - ~/.aws/credentials and ~/.aws/config (AWS CLI / botocore): INI, "[profile]" sections
//   ("[profile NAME]" in config), "key = value", "#" and ";" comments, indented continuation
//   lines for nested settings.
// - ~/.docker/config.json (docker CLI): "auths" maps a registry to {"auth": base64("user:pass"),
//   "identitytoken", "registrytoken", "password"}; "credsStore" and "credHelpers" move the
//   credentials into an external helper.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sw::scan {

struct NetrcEntry {
  std::string machine = {};  // host name, or "default"
  std::string login = {};
  int line = 0;           // line of "machine"/"default"
  int password_line = 0;  // 0 when there is no password
  size_t password_length = 0;
  bool has_account = false;  // "account" (a second secret, e.g. ftp ACCT)
};
struct Netrc {
  std::vector<NetrcEntry> entries = {};
  std::vector<Error> errors = {};
};
Netrc parse_netrc(std::string_view text, const std::string& path);

struct GitCredential {
  std::string scheme = {};
  std::string host = {};  // host[:port]
  std::string user = {};
  size_t password_length = 0;  // 0 when the URL holds no password
  int line = 0;
};
struct GitCredentials {
  std::vector<GitCredential> entries = {};
  std::vector<Error> errors = {};
};
GitCredentials parse_git_credentials(std::string_view text, const std::string& path);

struct PgpassEntry {
  std::string host = {}, port = {}, database = {}, user = {};
  size_t password_length = 0;
  int line = 0;
};
struct Pgpass {
  std::vector<PgpassEntry> entries = {};
  std::vector<Error> errors = {};
};
Pgpass parse_pgpass(std::string_view text, const std::string& path);

struct AwsProfile {
  std::string name = {};  // "default", "work" (the "profile " prefix of ~/.aws/config removed)
  int line = 0;
  std::string access_key_prefix = {};  // at most the first 4 characters: "AKIA" (long-term), "ASIA"
  int secret_line = 0;                 // 0 when the profile has no aws_secret_access_key
  size_t secret_length = 0;
  bool session_token = false;  // aws_session_token: temporary credentials
};
struct AwsCredentials {
  std::vector<AwsProfile> profiles = {};
  std::vector<Error> errors = {};
};
// `config_file`: true for ~/.aws/config, whose sections are "[profile NAME]" (and "[default]").
AwsCredentials parse_aws_credentials(std::string_view text, const std::string& path,
                                     bool config_file = false);

struct DockerAuth {
  std::string registry = {};
  std::string user = {};       // from the decoded "auth" (user names are not secret)
  size_t password_length = 0;  // from the decoded "auth", or the "password" field
  bool has_auth = false;       // "auth" holds base64 user:password
  bool has_token = false;      // "identitytoken" or "registrytoken"
  std::string helper = {};     // credential helper docker uses for this registry, if any
};
struct DockerConfig {
  std::string creds_store = {};
  std::vector<DockerAuth> auths = {};  // only entries that hold a credential
  std::vector<Error> errors = {};
};
DockerConfig parse_docker_config(std::string_view text, const std::string& path);

}  // namespace sw::scan
