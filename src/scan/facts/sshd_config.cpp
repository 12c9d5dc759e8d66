// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/sshd_config.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>

#include <fmt/format.h>

#include "core/glob.h"
#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"

namespace sw::scan {
namespace {

constexpr int kMaxIncludeDepth = 16;  // SERVCONF_MAX_DEPTH
constexpr int kMaxFiles = 256;        // our own bound on included file parses (cycles, fan-out)
constexpr size_t kMaxGlobMatches = 1024;
constexpr std::string_view kSshDir = "/etc/ssh";

enum class Kind {
  kFlag,       // yes | no
  kEnum,       // one of `values`
  kInt,        // 0..INT_MAX
  kTime,       // convtime()
  kAlgs,       // one comma-separated algorithm list, +/-/^ prefixes
  kOne,        // exactly one argument, first wins
  kArgs,       // one or more arguments, first line wins
  kAccum,      // every line adds
  kSubsystem,  // first wins per subsystem name
  kIgnored,    // deprecated / unsupported / ignored: sshd logs and goes on
  kInclude,
  kMatch,
};

struct Keyword {
  std::string_view name;     // lower case, as matched
  std::string_view display;  // as documented
  Kind kind;
  bool in_match;                   // allowed inside a Match block (SSHCFG_ALL)
  std::string_view values = {};    // kEnum: comma-separated accepted values (lower case)
  std::string_view alias_of = {};  // canonical option this keyword sets
};

constexpr std::string_view kForwardValues = "yes,all,no,local,remote";

// OpenSSH 9.2 servconf.c keywords, plus Debian 12's patches (GSSAPI key exchange, DebianBanner).
constexpr std::array kKeywords = {
    Keyword{"usepam", "UsePAM", Kind::kFlag, false},
    Keyword{"port", "Port", Kind::kAccum, false},
    Keyword{"hostkey", "HostKey", Kind::kAccum, false},
    Keyword{"hostdsakey", "HostDSAKey", Kind::kAccum, false, {}, "hostkey"},
    Keyword{"hostkeyagent", "HostKeyAgent", Kind::kOne, false},
    Keyword{"pidfile", "PidFile", Kind::kOne, false},
    Keyword{"modulifile", "ModuliFile", Kind::kOne, false},
    Keyword{"serverkeybits", "ServerKeyBits", Kind::kIgnored, false},
    Keyword{"logingracetime", "LoginGraceTime", Kind::kTime, false},
    Keyword{"keyregenerationinterval", "KeyRegenerationInterval", Kind::kIgnored, false},
    Keyword{"permitrootlogin", "PermitRootLogin", Kind::kEnum, true,
            "yes,no,prohibit-password,without-password,forced-commands-only"},
    Keyword{"syslogfacility", "SyslogFacility", Kind::kEnum, false,
            "daemon,user,auth,authpriv,local0,local1,local2,local3,local4,local5,local6,local7"},
    Keyword{"loglevel", "LogLevel", Kind::kEnum, true,
            "quiet,fatal,error,info,verbose,debug,debug1,debug2,debug3"},
    Keyword{"logverbose", "LogVerbose", Kind::kArgs, true},
    Keyword{"rhostsauthentication", "RhostsAuthentication", Kind::kIgnored, false},
    Keyword{"rhostsrsaauthentication", "RhostsRSAAuthentication", Kind::kIgnored, true},
    Keyword{"hostbasedauthentication", "HostbasedAuthentication", Kind::kFlag, true},
    Keyword{"hostbasedusesnamefrompacketonly", "HostbasedUsesNameFromPacketOnly", Kind::kFlag,
            true},
    Keyword{"hostbasedacceptedalgorithms", "HostbasedAcceptedAlgorithms", Kind::kAlgs, true},
    Keyword{"hostbasedacceptedkeytypes",
            "HostbasedAcceptedKeyTypes",
            Kind::kAlgs,
            true,
            {},
            "hostbasedacceptedalgorithms"},
    Keyword{"hostkeyalgorithms", "HostKeyAlgorithms", Kind::kAlgs, false},
    Keyword{"rsaauthentication", "RSAAuthentication", Kind::kIgnored, true},
    Keyword{"pubkeyauthentication", "PubkeyAuthentication", Kind::kFlag, true},
    Keyword{"pubkeyacceptedalgorithms", "PubkeyAcceptedAlgorithms", Kind::kAlgs, true},
    Keyword{"pubkeyacceptedkeytypes",
            "PubkeyAcceptedKeyTypes",
            Kind::kAlgs,
            true,
            {},
            "pubkeyacceptedalgorithms"},
    Keyword{"pubkeyauthoptions", "PubkeyAuthOptions", Kind::kArgs, true},
    Keyword{
        "dsaauthentication", "DSAAuthentication", Kind::kFlag, false, {}, "pubkeyauthentication"},
    Keyword{"kerberosauthentication", "KerberosAuthentication", Kind::kFlag, true},
    Keyword{"kerberosorlocalpasswd", "KerberosOrLocalPasswd", Kind::kFlag, false},
    Keyword{"kerberosticketcleanup", "KerberosTicketCleanup", Kind::kFlag, false},
    Keyword{"kerberosgetafstoken", "KerberosGetAFSToken", Kind::kFlag, false},
    Keyword{"kerberostgtpassing", "KerberosTgtPassing", Kind::kIgnored, false},
    Keyword{"afstokenpassing", "AFSTokenPassing", Kind::kIgnored, false},
    Keyword{"gssapiauthentication", "GSSAPIAuthentication", Kind::kFlag, true},
    Keyword{"gssapicleanupcredentials", "GSSAPICleanupCredentials", Kind::kFlag, false},
    Keyword{"gssapistrictacceptorcheck", "GSSAPIStrictAcceptorCheck", Kind::kFlag, false},
    Keyword{"gssapikeyexchange", "GSSAPIKeyExchange", Kind::kFlag, false},
    Keyword{"gssapistorecredentialsonrekey", "GSSAPIStoreCredentialsOnRekey", Kind::kFlag, false},
    Keyword{"gssapikexalgorithms", "GSSAPIKexAlgorithms", Kind::kAlgs, false},
    Keyword{"passwordauthentication", "PasswordAuthentication", Kind::kFlag, true},
    Keyword{"kbdinteractiveauthentication", "KbdInteractiveAuthentication", Kind::kFlag, true},
    Keyword{"challengeresponseauthentication",
            "ChallengeResponseAuthentication",
            Kind::kFlag,
            true,
            {},
            "kbdinteractiveauthentication"},
    Keyword{"skeyauthentication", "SkeyAuthentication", Kind::kIgnored, true},
    Keyword{"checkmail", "CheckMail", Kind::kIgnored, false},
    Keyword{"listenaddress", "ListenAddress", Kind::kAccum, false},
    Keyword{"addressfamily", "AddressFamily", Kind::kEnum, false, "any,inet,inet6"},
    Keyword{"printmotd", "PrintMotd", Kind::kFlag, false},
    Keyword{"printlastlog", "PrintLastLog", Kind::kFlag, false},
    Keyword{"ignorerhosts", "IgnoreRhosts", Kind::kEnum, true, "yes,no,shosts-only"},
    Keyword{"ignoreuserknownhosts", "IgnoreUserKnownHosts", Kind::kFlag, false},
    Keyword{"x11forwarding", "X11Forwarding", Kind::kFlag, true},
    Keyword{"x11displayoffset", "X11DisplayOffset", Kind::kInt, true},
    Keyword{"x11uselocalhost", "X11UseLocalhost", Kind::kFlag, true},
    Keyword{"xauthlocation", "XAuthLocation", Kind::kOne, false},
    Keyword{"strictmodes", "StrictModes", Kind::kFlag, false},
    Keyword{"permitemptypasswords", "PermitEmptyPasswords", Kind::kFlag, true},
    Keyword{"permituserenvironment", "PermitUserEnvironment", Kind::kOne, false},
    Keyword{"uselogin", "UseLogin", Kind::kIgnored, false},
    Keyword{"compression", "Compression", Kind::kEnum, false, "yes,delayed,no"},
    Keyword{"rekeylimit", "RekeyLimit", Kind::kArgs, true},
    Keyword{"tcpkeepalive", "TCPKeepAlive", Kind::kFlag, false},
    Keyword{"keepalive", "KeepAlive", Kind::kFlag, false, {}, "tcpkeepalive"},
    Keyword{"allowtcpforwarding", "AllowTcpForwarding", Kind::kEnum, true, kForwardValues},
    Keyword{"allowagentforwarding", "AllowAgentForwarding", Kind::kFlag, true},
    Keyword{"allowusers", "AllowUsers", Kind::kAccum, true},
    Keyword{"denyusers", "DenyUsers", Kind::kAccum, true},
    Keyword{"allowgroups", "AllowGroups", Kind::kAccum, true},
    Keyword{"denygroups", "DenyGroups", Kind::kAccum, true},
    Keyword{"ciphers", "Ciphers", Kind::kAlgs, false},
    Keyword{"macs", "MACs", Kind::kAlgs, false},
    Keyword{"protocol", "Protocol", Kind::kIgnored, false},
    Keyword{"gatewayports", "GatewayPorts", Kind::kEnum, true, "yes,no,clientspecified"},
    Keyword{"subsystem", "Subsystem", Kind::kSubsystem, false},
    Keyword{"maxstartups", "MaxStartups", Kind::kOne, false},
    Keyword{"persourcemaxstartups", "PerSourceMaxStartups", Kind::kOne, false},
    Keyword{"persourcenetblocksize", "PerSourceNetBlockSize", Kind::kOne, false},
    Keyword{"maxauthtries", "MaxAuthTries", Kind::kInt, true},
    Keyword{"maxsessions", "MaxSessions", Kind::kInt, true},
    Keyword{"banner", "Banner", Kind::kOne, true},
    Keyword{"usedns", "UseDNS", Kind::kFlag, false},
    Keyword{"verifyreversemapping", "VerifyReverseMapping", Kind::kIgnored, false},
    Keyword{"reversemappingcheck", "ReverseMappingCheck", Kind::kIgnored, false},
    Keyword{"clientaliveinterval", "ClientAliveInterval", Kind::kTime, true},
    Keyword{"clientalivecountmax", "ClientAliveCountMax", Kind::kInt, true},
    Keyword{"authorizedkeysfile", "AuthorizedKeysFile", Kind::kArgs, true},
    Keyword{"authorizedkeysfile2", "AuthorizedKeysFile2", Kind::kIgnored, true},
    Keyword{"useprivilegeseparation", "UsePrivilegeSeparation", Kind::kIgnored, false},
    Keyword{"acceptenv", "AcceptEnv", Kind::kAccum, true},
    Keyword{"setenv", "SetEnv", Kind::kArgs, true},
    Keyword{"permittunnel", "PermitTunnel", Kind::kEnum, true, "yes,point-to-point,ethernet,no"},
    Keyword{"permittty", "PermitTTY", Kind::kFlag, true},
    Keyword{"permituserrc", "PermitUserRC", Kind::kFlag, true},
    Keyword{"match", "Match", Kind::kMatch, true},
    Keyword{"permitopen", "PermitOpen", Kind::kArgs, true},
    Keyword{"permitlisten", "PermitListen", Kind::kArgs, true},
    Keyword{"forcecommand", "ForceCommand", Kind::kArgs, true},
    Keyword{"chrootdirectory", "ChrootDirectory", Kind::kOne, true},
    Keyword{"hostcertificate", "HostCertificate", Kind::kAccum, false},
    Keyword{"revokedkeys", "RevokedKeys", Kind::kOne, true},
    Keyword{"trustedusercakeys", "TrustedUserCAKeys", Kind::kOne, true},
    Keyword{"authorizedprincipalsfile", "AuthorizedPrincipalsFile", Kind::kOne, true},
    Keyword{"kexalgorithms", "KexAlgorithms", Kind::kAlgs, false},
    Keyword{"casignaturealgorithms", "CASignatureAlgorithms", Kind::kAlgs, true},
    Keyword{"ipqos", "IPQoS", Kind::kArgs, true},
    Keyword{"authorizedkeyscommand", "AuthorizedKeysCommand", Kind::kArgs, true},
    Keyword{"authorizedkeyscommanduser", "AuthorizedKeysCommandUser", Kind::kOne, true},
    Keyword{"authorizedprincipalscommand", "AuthorizedPrincipalsCommand", Kind::kArgs, true},
    Keyword{"authorizedprincipalscommanduser", "AuthorizedPrincipalsCommandUser", Kind::kOne, true},
    Keyword{"versionaddendum", "VersionAddendum", Kind::kArgs, false},
    Keyword{"authenticationmethods", "AuthenticationMethods", Kind::kArgs, true},
    Keyword{"streamlocalbindmask", "StreamLocalBindMask", Kind::kOne, true},
    Keyword{"streamlocalbindunlink", "StreamLocalBindUnlink", Kind::kFlag, true},
    Keyword{"allowstreamlocalforwarding", "AllowStreamLocalForwarding", Kind::kEnum, true,
            kForwardValues},
    Keyword{"fingerprinthash", "FingerprintHash", Kind::kEnum, false, "md5,sha256"},
    Keyword{"disableforwarding", "DisableForwarding", Kind::kFlag, true},
    Keyword{"exposeauthinfo", "ExposeAuthInfo", Kind::kFlag, true},
    Keyword{"rdomain", "RDomain", Kind::kOne, true},
    Keyword{"securitykeyprovider", "SecurityKeyProvider", Kind::kOne, false},
    Keyword{"requiredrsasize", "RequiredRSASize", Kind::kInt, true},
    Keyword{"channeltimeout", "ChannelTimeout", Kind::kArgs, true},
    Keyword{"unusedconnectiontimeout", "UnusedConnectionTimeout", Kind::kOne, true},
    Keyword{"include", "Include", Kind::kInclude, true},
    Keyword{"debianbanner", "DebianBanner", Kind::kFlag, false},
};

// OpenSSH 9.2 myproposal.h server defaults and fill_default_server_options().
constexpr std::string_view kDefaultCiphers =
    "chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,"
    "aes256-gcm@openssh.com";
constexpr std::string_view kDefaultMacs =
    "umac-64-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,"
    "hmac-sha2-512-etm@openssh.com,hmac-sha1-etm@openssh.com,umac-64@openssh.com,"
    "umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1";
constexpr std::string_view kDefaultKex =
    "sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,"
    "ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,"
    "diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,"
    "diffie-hellman-group18-sha512,diffie-hellman-group14-sha256";
// Debian's GSSAPI key exchange patch (used only with GSSAPIKeyExchange yes).
constexpr std::string_view kDefaultGssKex =
    "gss-group14-sha256-,gss-group16-sha512-,gss-nistp256-sha256-,gss-curve25519-sha256-,"
    "gss-gex-sha1-,gss-group14-sha1-";

struct Default {
  std::string_view name;
  std::string_view value;
};
constexpr std::array kDefaults = {
    Default{"permitrootlogin", "prohibit-password"},
    Default{"passwordauthentication", "yes"},
    Default{"permitemptypasswords", "no"},
    Default{"kbdinteractiveauthentication", "yes"},
    Default{"usepam", "no"},
    Default{"pubkeyauthentication", "yes"},
    Default{"authenticationmethods", "any"},
    Default{"x11forwarding", "no"},
    Default{"disableforwarding", "no"},
    Default{"allowtcpforwarding", "yes"},
    Default{"allowagentforwarding", "yes"},
    Default{"gatewayports", "no"},
    Default{"permittunnel", "no"},
    Default{"maxauthtries", "6"},
    Default{"maxsessions", "10"},
    Default{"maxstartups", "10:30:100"},
    Default{"ignorerhosts", "yes"},
    Default{"hostbasedauthentication", "no"},
    Default{"permituserenvironment", "no"},
    Default{"loglevel", "INFO"},
    Default{"logingracetime", "120"},
    Default{"clientaliveinterval", "0"},
    Default{"clientalivecountmax", "3"},
    Default{"strictmodes", "yes"},
    Default{"gssapiauthentication", "no"},
    Default{"gssapikeyexchange", "no"},
    Default{"ciphers", kDefaultCiphers},
    Default{"macs", kDefaultMacs},
    Default{"kexalgorithms", kDefaultKex},
    Default{"gssapikexalgorithms", kDefaultGssKex},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && lower(a) == lower(b);
}

const Keyword* find_keyword(std::string_view word) {
  std::string w = lower(word);
  for (const auto& k : kKeywords) {
    if (k.name == w) return &k;
  }
  return nullptr;
}

std::string_view canonical(const Keyword& k) { return k.alias_of.empty() ? k.name : k.alias_of; }

// yes/no and enumerated values are case-insensitive in sshd: compare them lower-cased.
std::string normalized(std::string_view name, std::string value) {
  for (const auto& k : kKeywords) {
    if (k.name == name && (k.kind == Kind::kFlag || k.kind == Kind::kEnum)) return lower(value);
  }
  return value;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// misc.c argv_split(..., terminate_on_comment=1). Returns false on an unterminated quote.
bool split_args(std::string_view s, std::vector<std::string>& out) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
      continue;
    }
    if (s[i] == '#') break;
    std::string arg;
    char quote = 0;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (c == '\\' && i + 1 < s.size()) {
        char n = s[i + 1];
        if (n == '\'' || n == '"' || n == '\\' || (quote == 0 && n == ' ')) ++i;
        arg += s[i];
      } else if (quote == 0 && (c == ' ' || c == '\t')) {
        break;
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else {
        arg += c;
      }
    }
    if (quote != 0) return false;
    out.push_back(std::move(arg));
  }
  return true;
}

bool in_list(std::string_view value, std::string_view list) {
  std::string v = lower(value);
  for (const auto& item : sshd_split_list(list)) {
    if (item == v) return true;
  }
  return false;
}

bool parse_int(std::string_view s, long& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out >= 0 && out <= INT_MAX;
}

// match.c match_pattern(): '*' any run, '?' one character; iterative with one backtrack point.
bool match_pattern(std::string_view s, std::string_view p) {
  size_t si = 0, pi = 0, star = std::string_view::npos, mark = 0;
  while (si < s.size()) {
    if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
      ++si;
      ++pi;
    } else if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      mark = si;
    } else if (star != std::string_view::npos) {
      pi = star + 1;
      si = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

// match.c match_pattern_list(): 1 when a positive pattern matches and no negated one does.
bool match_pattern_list(std::string_view s, std::string_view list) {
  bool positive = false;
  for (const auto& pat : sshd_split_list(list)) {
    std::string_view p = pat;
    bool negated = !p.empty() && p.front() == '!';
    if (negated) p.remove_prefix(1);
    if (match_pattern(s, p)) {
      if (negated) return false;
      positive = true;
    }
  }
  return positive;
}

class Parser {
 public:
  Parser(SshdConfig& out, const SshdIncludeResolver& resolver) : out_(out), resolver_(resolver) {}

  void parse_file(std::string_view text, const std::string& path, int depth, int match_index) {
    if (std::find(out_.files.begin(), out_.files.end(), path) == out_.files.end()) {
      out_.files.push_back(path);
    }
    int current = match_index;  // the Match block lines belong to; -1 for global
    int n = 0;
    for (auto raw : split_lines(text)) {
      ++n;
      parse_line(raw, path, n, depth, match_index, current);
    }
  }

 private:
  void problem(std::string message, const std::string& path, int line) {
    out_.problems.emplace_back(Errc::kParse, std::move(message), path, line);
  }

  void parse_line(std::string_view line, const std::string& path, int n, int depth, int outer_match,
                  int& current) {
    while (!line.empty() && (is_space(line.back()) || line.back() == '\f')) line.remove_suffix(1);
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') return;
    size_t end = 0;
    while (end < line.size() && !is_space(line[end]) && line[end] != '=') ++end;
    std::string_view word = line.substr(0, end);
    std::string_view rest = line.substr(end);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    if (!rest.empty() && rest.front() == '=') {
      rest.remove_prefix(1);
      while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    }
    if (word.empty()) {
      problem("line starts with '='", path, n);
      return;
    }
    if (rest.empty()) {
      problem(fmt::format("no argument after keyword \"{}\"", word), path, n);
      return;
    }
    const Keyword* kw = find_keyword(word);
    if (kw == nullptr) {
      problem(fmt::format("bad configuration option: {}", word), path, n);
      return;
    }
    std::vector<std::string> args;
    if (!split_args(rest, args)) {
      problem("invalid quotes", path, n);
      return;
    }
    if (args.empty()) {
      problem(fmt::format("no argument after keyword \"{}\"", word), path, n);
      return;
    }
    if (current >= 0 && !kw->in_match) {
      problem(fmt::format("directive '{}' is not allowed within a Match block", word), path, n);
      return;
    }
    if (kw->kind == Kind::kMatch) {
      start_match(args, path, n, outer_match, current);
      return;
    }
    if (kw->kind == Kind::kInclude) {
      include(args, path, n, depth, current);
      return;
    }
    if (kw->kind == Kind::kIgnored) return;  // "Deprecated option" / "Unsupported option"
    if (!valid(*kw, word, args, path, n)) return;

    SshdSetting s{std::string(word), std::string(canonical(*kw)), std::move(args), path, n};
    if (current >= 0) {
      out_.matches[static_cast<size_t>(current)].settings.push_back(std::move(s));
      return;
    }
    auto& slot = out_.effective[s.name];
    if (kw->kind == Kind::kAccum) {
      slot.push_back(std::move(s));
    } else if (kw->kind == Kind::kSubsystem) {
      for (const auto& prev : slot) {
        if (prev.args.front() == s.args.front()) {
          problem(fmt::format("Subsystem '{}' already defined", s.args.front()), path, n);
          return;
        }
      }
      slot.push_back(std::move(s));
    } else if (slot.empty()) {
      slot.push_back(std::move(s));  // first obtained value wins
    }
  }

  bool valid(const Keyword& kw, std::string_view word, const std::vector<std::string>& args,
             const std::string& path, int n) {
    bool single = kw.kind == Kind::kFlag || kw.kind == Kind::kEnum || kw.kind == Kind::kInt ||
                  kw.kind == Kind::kTime || kw.kind == Kind::kAlgs || kw.kind == Kind::kOne;
    if (single && args.size() != 1) {
      problem(fmt::format("keyword {} extra arguments at end of line", word), path, n);
      return false;
    }
    const std::string& v = args.front();
    long num = 0;
    switch (kw.kind) {
      case Kind::kFlag:
        if (!in_list(v, "yes,no")) {
          problem(fmt::format("unsupported option \"{}\" for {} (expected yes or no)", v, word),
                  path, n);
          return false;
        }
        break;
      case Kind::kEnum:
        if (!in_list(v, kw.values)) {
          problem(fmt::format("unsupported option \"{}\" for {} (expected one of {})", v, word,
                              kw.values),
                  path, n);
          return false;
        }
        break;
      case Kind::kInt:
        if (!parse_int(v, num)) {
          problem(fmt::format("invalid integer value \"{}\" for {}", v, word), path, n);
          return false;
        }
        break;
      case Kind::kTime:
        if (!sshd_parse_time(v)) {
          problem(fmt::format("invalid time value \"{}\" for {}", v, word), path, n);
          return false;
        }
        break;
      case Kind::kAlgs:
        if (v.empty() || (v.size() == 1 && (v == "+" || v == "-" || v == "^"))) {
          problem(fmt::format("empty algorithm list for {}", word), path, n);
          return false;
        }
        break;
      case Kind::kSubsystem:
        if (args.size() < 2) {
          problem("missing subsystem command", path, n);
          return false;
        }
        break;
      default:
        break;
    }
    return true;
  }

  void start_match(const std::vector<std::string>& args, const std::string& path, int n,
                   int outer_match, int& current) {
    std::string criteria;
    for (const auto& a : args) {
      if (!criteria.empty()) criteria += ' ';
      criteria += a;
    }
    // Validate: "All" alone, or attribute/value pairs.
    if (args.size() == 1 && iequals(args[0], "all")) {
      // ok
    } else {
      for (size_t i = 0; i < args.size(); i += 2) {
        std::string attr = lower(args[i]);
        bool known = attr == "user" || attr == "group" || attr == "host" ||
                     attr == "localaddress" || attr == "localport" || attr == "rdomain" ||
                     attr == "address";
        if (attr == "all") {
          problem("'all' cannot be combined with other Match attributes", path, n);
          break;
        }
        if (!known) {
          problem(fmt::format("unsupported Match attribute {}", args[i]), path, n);
          break;
        }
        if (i + 1 >= args.size()) {
          problem(fmt::format("Match {} missing argument", args[i]), path, n);
          break;
        }
      }
    }
    SshdMatch m;
    if (outer_match >= 0) {
      m.criteria = out_.matches[static_cast<size_t>(outer_match)].criteria + " + " + criteria;
    } else {
      m.criteria = std::move(criteria);
    }
    m.file = path;
    m.line = n;
    out_.matches.push_back(std::move(m));
    current = static_cast<int>(out_.matches.size()) - 1;
  }

  void include(const std::vector<std::string>& args, const std::string& path, int n, int depth,
               int current) {
    for (const auto& arg : args) {
      std::string pattern =
          arg.starts_with('/') ? arg : fmt::format("{}/{}", kSshDir, arg);  // relative to /etc/ssh
      out_.include_patterns.push_back(pattern);
      if (!resolver_) continue;
      if (depth + 1 > kMaxIncludeDepth) {
        problem(fmt::format("Include {}: too many recursive configuration includes", arg), path, n);
        continue;
      }
      for (auto& f : resolver_(pattern)) {
        if (f.error) {
          out_.read_errors.push_back(*f.error);
          continue;
        }
        if (!f.text) continue;
        if (++parsed_ > kMaxFiles) {
          problem(fmt::format("Include {}: more than {} included files", arg, kMaxFiles), path, n);
          return;
        }
        parse_file(*f.text, f.path, depth + 1, current);
      }
    }
  }

  SshdConfig& out_;
  const SshdIncludeResolver& resolver_;
  int parsed_ = 0;
};

bool has_glob_meta(std::string_view s) { return s.find_first_of("*?[") != std::string_view::npos; }

// glob(3) over the Host: each component with wildcards is matched against the directory's
// entries (a leading '.' only by an explicit '.'); the result is sorted, and only existing paths
// are returned.
std::vector<std::string> expand_glob(const Host& host, std::string_view pattern) {
  std::vector<std::string> paths{""};
  size_t i = 0;
  while (i < pattern.size()) {
    size_t j = pattern.find('/', i);
    if (j == std::string_view::npos) j = pattern.size();
    std::string_view comp = pattern.substr(i, j - i);
    i = j + 1;
    if (comp.empty()) continue;
    std::vector<std::string> next;
    for (const auto& base : paths) {
      if (!has_glob_meta(comp)) {
        next.push_back(base + "/" + std::string(comp));
        continue;
      }
      auto entries = host.list_dir(base.empty() ? "/" : base);
      if (!entries) continue;
      for (const auto& e : *entries) {
        if (e.name.starts_with('.') && !comp.starts_with('.')) continue;
        if (glob_match(comp, e.name, true)) next.push_back(base + "/" + e.name);
        if (next.size() > kMaxGlobMatches) break;
      }
    }
    paths = std::move(next);
    if (paths.empty()) return paths;
  }
  std::vector<std::string> out;
  for (auto& p : paths) {
    if (!p.empty() && host.exists(p)) out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::string SshdSetting::value() const {
  std::string out;
  for (const auto& a : args) {
    if (!out.empty()) out += ' ';
    out += a;
  }
  return out;
}

std::string SshdSetting::text() const { return fmt::format("{} {}", keyword, value()); }
std::string SshdSetting::where() const { return fmt::format("{}:{}", file, line); }
std::string SshdSetting::evidence() const { return fmt::format("{} ({})", text(), where()); }

const SshdSetting* SshdMatch::find(std::string_view name) const {
  for (const auto& s : settings) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string SshdValueSite::evidence() const {
  std::string base = setting != nullptr ? setting->evidence()
                                        : fmt::format("{} not set (OpenSSH default {})", display,
                                                      sshd_default(name));
  if (match != nullptr) {
    base += fmt::format(" in Match {} ({}:{})", match->criteria, match->file, match->line);
  }
  return base;
}

std::string SshdValueSite::subject() const {
  if (match != nullptr) return fmt::format("sshd Match {}: {}", match->criteria, display);
  return fmt::format("sshd {}", display);
}

Location SshdValueSite::location(std::string_view main_file) const {
  if (setting != nullptr) return Location{setting->file, setting->line};
  return Location{std::string(main_file), 0};
}

const SshdSetting* SshdConfig::get(std::string_view name) const {
  auto it = effective.find(std::string(name));
  if (it == effective.end() || it->second.empty()) return nullptr;
  return &it->second.front();
}

const std::vector<SshdSetting>& SshdConfig::all(std::string_view name) const {
  static const std::vector<SshdSetting> kNone;
  auto it = effective.find(std::string(name));
  return it == effective.end() ? kNone : it->second;
}

SshdValueSite SshdConfig::global(std::string_view name) const {
  SshdValueSite site;
  site.name = std::string(name);
  site.display = std::string(sshd_display_name(name));
  site.setting = get(name);
  site.value = normalized(
      name, site.setting != nullptr ? site.setting->value() : std::string(sshd_default(name)));
  return site;
}

std::vector<SshdValueSite> SshdConfig::sites(std::string_view name) const {
  std::vector<SshdValueSite> out{global(name)};
  for (const auto& m : matches) {
    if (const SshdSetting* s = m.find(name)) {
      out.push_back(SshdValueSite{std::string(name), normalized(name, s->value()), s, &m,
                                  std::string(sshd_display_name(name))});
    }
  }
  return out;
}

std::vector<std::string> SshdConfig::algorithms(std::string_view name) const {
  const SshdSetting* s = get(name);
  return sshd_assemble_algorithms(s != nullptr ? std::string_view(s->args.front()) : "",
                                  sshd_default(name));
}

bool sshd_match_pattern_list(std::string_view s, std::string_view list) {
  return match_pattern_list(s, list);
}

std::string sshd_lower(std::string_view s) { return lower(s); }

std::string_view sshd_default(std::string_view name) {
  for (const auto& d : kDefaults) {
    if (d.name == name) return d.value;
  }
  return {};
}

std::string_view sshd_display_name(std::string_view name) {
  for (const auto& k : kKeywords) {
    if (k.name == name) return k.display;
  }
  return name;
}

std::optional<long> sshd_parse_time(std::string_view s) {
  if (s.empty()) return std::nullopt;
  long total = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '+') ++i;  // strtol() accepts a sign; a '-' is refused below

    size_t digits = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == digits) return std::nullopt;
    long secs = 0;
    auto [p, ec] = std::from_chars(s.data() + digits, s.data() + i, secs);
    if (ec != std::errc() || p != s.data() + i || secs > INT_MAX) return std::nullopt;
    long mult = 1;
    if (i < s.size()) {
      switch (s[i]) {
        case 's':
        case 'S':
          break;
        case 'm':
        case 'M':
          mult = 60;
          break;
        case 'h':
        case 'H':
          mult = 3600;
          break;
        case 'd':
        case 'D':
          mult = 86400;
          break;
        case 'w':
        case 'W':
          mult = 604800;
          break;
        default:
          return std::nullopt;
      }
      ++i;
    }
    if (secs > INT_MAX / mult) return std::nullopt;
    secs *= mult;
    if (total > INT_MAX - secs) return std::nullopt;
    total += secs;
  }
  return total;
}

std::vector<std::string> sshd_split_list(std::string_view list) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= list.size()) {
    size_t j = list.find(',', i);
    if (j == std::string_view::npos) j = list.size();
    auto item = list.substr(i, j - i);
    if (!item.empty()) out.emplace_back(item);
    i = j + 1;
  }
  return out;
}

std::vector<std::string> sshd_assemble_algorithms(std::string_view spec,
                                                  std::string_view default_list) {
  std::vector<std::string> raw;
  auto defaults = sshd_split_list(default_list);
  if (spec.empty()) {
    raw = defaults;
  } else if (spec.front() == '+') {
    raw = defaults;
    for (auto& a : sshd_split_list(spec.substr(1))) raw.push_back(std::move(a));
  } else if (spec.front() == '^') {
    raw = sshd_split_list(spec.substr(1));
    raw.insert(raw.end(), defaults.begin(), defaults.end());
  } else if (spec.front() == '-') {
    for (auto& d : defaults) {
      if (!match_pattern_list(d, spec.substr(1))) raw.push_back(std::move(d));
    }
  } else {
    raw = sshd_split_list(spec);
  }
  std::vector<std::string> out;
  for (auto& a : raw) {
    if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(std::move(a));
  }
  return out;
}

SshdConfig parse_sshd_config(std::string_view text, const std::string& path,
                             const SshdIncludeResolver& resolver) {
  SshdConfig out;
  out.main_file = path;
  out.config_present = true;
  Parser parser(out, resolver);
  parser.parse_file(text, path, 0, -1);
  return out;
}

Result<SshdConfig> SshdConfig::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  const std::string main(kSshdConfigPath);
  bool binary = host.exists(kSshdBinaryPath);
  if (!host.exists(main)) {
    SshdConfig out;
    out.binary_present = binary;
    out.config_present = false;
    return out;
  }
  auto text = host.read_file(main, 4u << 20);
  if (!text) {
    SshdConfig out;
    out.binary_present = binary;
    out.config_present = true;
    out.read_errors.push_back(text.error());
    return out;
  }
  SshdIncludeResolver resolver = [&host](std::string_view pattern) {
    std::vector<SshdIncludedFile> files;
    for (auto& p : expand_glob(host, pattern)) {
      SshdIncludedFile f;
      f.path = p;
      if (auto t = host.read_file(p, 4u << 20)) {
        f.text = std::move(*t);
      } else {
        f.error = t.error();
      }
      files.push_back(std::move(f));
    }
    return files;
  };
  SshdConfig out = parse_sshd_config(*text, main, resolver);
  out.binary_present = binary;
  for (const auto& p : out.problems) ctx.input_error(p);
  return out;
}

const SshdConfig* sshd_config_for_check(ScanContext& ctx, Outcome& out) {
  const auto& cfg = ctx.fact<SshdConfig>();
  if (!cfg) {
    out.error(cfg.error().to_string());
    return nullptr;
  }
  if (!cfg->config_present) {
    if (cfg->binary_present) {
      out.not_applicable(fmt::format(
          "{} is installed but {} is missing: sshd does not start without its configuration",
          kSshdBinaryPath, kSshdConfigPath));
    } else {
      out.not_applicable(fmt::format("the OpenSSH server is not installed (no {}, no {})",
                                     kSshdConfigPath, kSshdBinaryPath));
    }
    return nullptr;
  }
  if (cfg->files.empty()) {  // the main file could not be read
    for (const auto& e : cfg->read_errors) out.error(e.to_string());
    if (cfg->read_errors.empty()) out.error(fmt::format("{}: could not be read", kSshdConfigPath));
    return nullptr;
  }
  for (const auto& e : cfg->read_errors) {
    out.error(fmt::format("{} (an included sshd configuration file; its settings are unknown)",
                          e.to_string()));
  }
  return &*cfg;
}

}  // namespace sw::scan
