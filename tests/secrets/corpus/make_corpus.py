#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Labelled secret-scanning corpus: real-format secrets and decoys planted in many file syntaxes.

Usage: tests/secrets/corpus/make_corpus.py OUT_DIR [--seed N] [--per-kind N]

Writes OUT_DIR/files/... (one planted item per file, inside innocuous filler lines) and
OUT_DIR/labels.jsonl, one JSON object per planted item:
  {"file": "files/0001.env", "line": 7, "kind": "github-pat", "secret": true, "syntax": "env"}
`secret` is true for a real secret (it must be found) and false for a decoy (it must not be
flagged). The secrets are random values in each provider's documented format (prefixes, lengths,
charsets, checksums where the format has one); nothing here is a live credential. The decoys are
the things that are not secrets but look like them: documentation examples, placeholders,
template and environment references, redacted values, public keys, hashes, UUIDs, URLs without
passwords, tokens of the wrong length.

tools/secrets-quality.py runs a scanner over the corpus and reports the figures. The corpus is
generated, never committed; the same seed gives the same corpus.
"""
import argparse
import base64
import binascii
import json
import os
import random
import shutil
import string
import subprocess
import sys
import tempfile

ALNUM = string.ascii_letters + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
HEX = "0123456789abcdef"


class Gen:
    def __init__(self, rng):
        self.rng = rng

    def s(self, alphabet, n):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def digits(self, lo, hi):
        return self.s(string.digits, self.rng.randint(lo, hi))

    def password(self):
        # Human-made but strong: words, digits and symbols (what gitleaks' generic rule misses).
        words = ["river", "Falcon", "copper", "Maple", "orbit", "Tango", "ember", "Quartz", "violet", "Nimbus"]
        sym = "!@#$%^&*?+=-_.~"
        parts = [self.rng.choice(words), self.rng.choice(sym), self.digits(2, 4), self.rng.choice(sym),
                 self.rng.choice(words)]
        if self.rng.random() < 0.5:
            parts.append(self.s(ALNUM + sym, 3))
        return "".join(parts)

    def b62(self, n):
        out = ""
        while n:
            n, r = divmod(n, 62)
            out = B62[r] + out
        return out or "0"


def github_token(g, prefix):
    body = g.s(ALNUM, 30)
    crc = binascii.crc32(body.encode()) & 0xFFFFFFFF
    return prefix + body + g.b62(crc).rjust(6, "0")


def jwt(g):
    def enc(obj):
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).rstrip(b"=").decode()
    header = enc({"alg": g.rng.choice(["HS256", "RS256"]), "typ": "JWT"})
    payload = enc({"sub": g.digits(6, 9), "name": g.rng.choice(["alice", "bob", "svc-deploy"]),
                   "iat": 1700000000 + g.rng.randint(0, 10**7)})
    sig = base64.urlsafe_b64encode(bytes(g.rng.randrange(256) for _ in range(32))).rstrip(b"=").decode()
    return f"{header}.{payload}.{sig}"


class Keys:
    """Private keys made with the system's openssl / ssh-keygen (a few, reused); None if missing."""

    def __init__(self, rng):
        self.rng = rng
        self.pem = []
        tmp = tempfile.mkdtemp()
        try:
            for kind in (["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"],
                         ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
                         ["genpkey", "-algorithm", "ED25519"]):
                out = subprocess.run(["openssl"] + kind, capture_output=True, text=True, check=False)
                if out.returncode == 0:
                    self.pem.append(out.stdout.strip())
            path = os.path.join(tmp, "k")
            r = subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path],
                               capture_output=True, check=False)
            if r.returncode == 0:
                with open(path) as f:
                    self.pem.append(f.read().strip())
        except OSError:
            pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def pick(self):
        return self.rng.choice(self.pem) if self.pem else None


# Secret kinds: name -> function(g) returning (identifier, value). The identifier is the variable
# name a developer would use; the value is what leaks.
def secret_kinds(keys):
    return {
        "aws-access-key": lambda g: ("aws_access_key_id", "AKIA" + g.s("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)),
        "aws-secret-key": lambda g: ("aws_secret_access_key", g.s(ALNUM + "/+", 40)),
        "github-pat": lambda g: ("GITHUB_TOKEN", github_token(g, "ghp_")),
        "github-oauth": lambda g: ("gh_oauth_token", github_token(g, "gho_")),
        "github-fine-grained": lambda g: ("GH_PAT", "github_pat_" + g.s(ALNUM, 22) + "_" + g.s(ALNUM, 59)),
        "gitlab-pat": lambda g: ("GITLAB_TOKEN", "glpat-" + g.s(ALNUM + "_-", 20)),
        "slack-bot": lambda g: ("SLACK_BOT_TOKEN", f"xoxb-{g.digits(10, 13)}-{g.digits(10, 13)}-{g.s(ALNUM, 24)}"),
        "slack-webhook": lambda g: ("slack_webhook_url", "https://hooks.slack.com/services/T" + g.s(string.ascii_uppercase + string.digits, 10)
                                    + "/B" + g.s(string.ascii_uppercase + string.digits, 10) + "/" + g.s(ALNUM, 24)),
        "stripe-live": lambda g: ("STRIPE_SECRET_KEY", "sk_live_" + g.s(ALNUM, g.rng.choice([24, 99]))),
        "google-api-key": lambda g: ("GOOGLE_MAPS_KEY", "AIza" + g.s(ALNUM + "_-", 35)),
        "sendgrid": lambda g: ("SENDGRID_API_KEY", "SG." + g.s(ALNUM + "_-", 22) + "." + g.s(ALNUM + "_-", 43)),
        "twilio-api-key": lambda g: ("twilio_api_key", "SK" + g.s(HEX, 32)),
        "npm-token": lambda g: ("NPM_TOKEN", "npm_" + g.s(ALNUM, 36)),
        "pypi-token": lambda g: ("PYPI_API_TOKEN", "pypi-AgEIcHlwaS5vcmc" + g.s(ALNUM + "_-", 70)),
        "openai-key": lambda g: ("OPENAI_API_KEY", "sk-proj-" + g.s(ALNUM + "_-", 74) + "T3BlbkFJ" + g.s(ALNUM + "_-", 74)),
        "anthropic-key": lambda g: ("ANTHROPIC_API_KEY", "sk-ant-api03-" + g.s(ALNUM + "_-", 93) + "AA"),
        "huggingface": lambda g: ("HF_TOKEN", "hf_" + g.s(string.ascii_letters, 34)),
        "digitalocean": lambda g: ("DIGITALOCEAN_TOKEN", "dop_v1_" + g.s(HEX, 64)),
        "shopify": lambda g: ("SHOPIFY_ACCESS_TOKEN", "shpat_" + g.s(HEX, 32)),
        "mailgun": lambda g: ("MAILGUN_API_KEY", "key-" + g.s(HEX, 32)),
        "telegram-bot": lambda g: ("TELEGRAM_BOT_TOKEN", g.digits(8, 10) + ":AA" + g.s(ALNUM + "_-", 33)),
        "jwt": lambda g: ("auth_token", jwt(g)),
        "generic-hex-api-key": lambda g: ("api_key", g.s(HEX, 32)),
        "generic-secret": lambda g: ("client_secret", g.s(ALNUM, 40)),
        "password-symbols": lambda g: ("DB_PASSWORD", g.password()),
        "password-plain-name": lambda g: ("password", g.password()),
        "azure-storage": lambda g: ("AZURE_STORAGE_CONNECTION_STRING",
                                    "DefaultEndpointsProtocol=https;AccountName=" + g.s(string.ascii_lowercase, 10)
                                    + ";AccountKey=" + g.s(ALNUM + "+/", 86) + "==;EndpointSuffix=core.windows.net"),
        "uri-postgres": lambda g: ("DATABASE_URL", f"postgres://app_user:{g.password()}@db.internal:5432/orders"),
        "uri-mysql": lambda g: ("mysql_dsn", f"mysql://root:{g.password()}@10.0.3.7:3306/shop"),
        "uri-mongodb": lambda g: ("MONGO_URI", f"mongodb+srv://svc:{g.password()}@cluster0.ab1cd.mongodb.net/prod"),
        "uri-redis": lambda g: ("REDIS_URL", f"redis://:{g.s(ALNUM, 24)}@cache.internal:6379/0"),
        "uri-amqp": lambda g: ("BROKER_URL", f"amqps://worker:{g.password()}@mq.internal:5671/vhost"),
        "uri-https-basic": lambda g: ("artifact_repo", f"https://deploy:{g.password()}@artifacts.example.org/repo"),
        "private-key": (lambda g: ("private_key", keys.pick())) if keys.pem else None,
    }


DECOYS = {
    "aws-doc-example": lambda g: ("aws_access_key_id", "AKIAIOSFODNN7EXAMPLE"),
    "aws-doc-secret": lambda g: ("aws_secret_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    "placeholder-changeme": lambda g: ("DB_PASSWORD", "changeme"),
    "placeholder-angle": lambda g: ("api_key", "<your-api-key>"),
    "placeholder-your": lambda g: ("STRIPE_SECRET_KEY", "YOUR_STRIPE_SECRET_KEY_HERE"),
    "placeholder-x": lambda g: ("password", "x" * g.rng.randint(8, 20)),
    "placeholder-stars": lambda g: ("password", "*" * g.rng.randint(6, 12)),
    "redacted": lambda g: ("GITHUB_TOKEN", g.rng.choice(["REDACTED", "[redacted]", "<redacted>"])),
    "env-reference": lambda g: ("DB_PASSWORD", g.rng.choice(["${DB_PASSWORD}", "$DB_PASSWORD", "${{ secrets.DB_PASSWORD }}"])),
    "template": lambda g: ("api_token", g.rng.choice(["{{ .Values.apiToken }}", "{{ api_token }}", "<%= ENV['API_TOKEN'] %>", "%(api_token)s"])),
    "low-entropy": lambda g: ("secret_key", g.rng.choice(["aaaaaaaaaaaaaaaaaaaaaaaa", "1234567890123456", "abcabcabcabcabcabc"])),
    "public-key-ssh": lambda g: ("ssh_public_key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + g.s(ALNUM + "+/", 43) + " deploy@ci"),
    "uuid-request-id": lambda g: ("request_id", "-".join(g.s(HEX, n) for n in (8, 4, 4, 4, 12))),
    "commit-sha": lambda g: ("commit", g.s(HEX, 40)),
    "checksum": lambda g: ("sha256sum", g.s(HEX, 64)),
    "token-type": lambda g: ("token_type", g.rng.choice(["bearer", "Bearer", "refresh_token"])),
    "key-file-path": lambda g: ("ssl_key_file", g.rng.choice(["/etc/ssl/private/server.key", "./certs/client-key.pem", "C:\\certs\\key.pfx"])),
    "password-field-name": lambda g: ("password_field", g.rng.choice(["password", "passwd", "user_password"])),
    "uri-no-password": lambda g: ("DATABASE_URL", g.rng.choice(["postgres://localhost:5432/orders", "postgres://app_user@db.internal/orders", "redis://cache.internal:6379/0"])),
    "uri-placeholder-password": lambda g: ("DATABASE_URL", g.rng.choice(["postgres://user:password@localhost:5432/db", "mysql://root:${MYSQL_PASSWORD}@db/shop", "https://user:<password>@example.org/"])),
    "github-wrong-length": lambda g: ("GITHUB_TOKEN", "ghp_" + g.s(ALNUM, 12)),
    "env-lookup-code": lambda g: None,  # rendered by the syntax as code reading the environment
}

# Syntaxes: extension -> renderer(identifier, value) -> list of lines (the item's line is marked by
# returning (lines, index)).
def quote_json(v):
    return json.dumps(v)


def render_assign(syntax, ident, value, g):
    up = ident.upper()
    low = ident.lower()
    camel = "".join(p.capitalize() if i else p for i, p in enumerate(low.split("_")))
    if syntax == "env":
        return [f"{up}={value}"], 0
    if syntax == "ini":
        return ["[service]", f"{low} = {value}"], 1
    if syntax == "yaml":
        q = g.rng.choice(["", '"', "'"]) if "'" not in value and '"' not in value else ""
        return ["service:", f"  {low}: {q}{value}{q}"], 1
    if syntax == "json":
        return ["{", f'  "{camel}": {quote_json(value)},', '  "enabled": true', "}"], 1
    if syntax == "xml":
        if g.rng.random() < 0.5:
            return ["<configuration>", "  <appSettings>", f'    <add key="{camel}" value="{value}" />', "  </appSettings>", "</configuration>"], 2
        return ["<config>", f"  <{camel}>{value}</{camel}>", "</config>"], 1
    if syntax == "properties":
        return [f"app.{low.replace('_', '.')}={value}"], 0
    if syntax == "py":
        return ["import logging", "", f'{up} = "{value}"'], 2
    if syntax == "js":
        return ['"use strict";', f'const {camel} = "{value}";', "module.exports = { " + camel + " };"], 1
    if syntax == "ts":
        return [f'export const {camel}: string = "{value}";'], 0
    if syntax == "go":
        return ["package config", "", "func settings() {", f'\t{camel} := "{value}"', f"\t_ = {camel}", "}"], 3
    if syntax == "java":
        return ["public class Settings {", f'    private static final String {up} = "{value}";', "}"], 1
    if syntax == "cs":
        return ["class Settings {", f'    const string {camel[0].upper() + camel[1:]} = "{value}";', "}"], 1
    if syntax == "rb":
        return [f"{up} = '{value}'"] if "'" not in value else [f'{up} = "{value}"'], 0
    if syntax == "php":
        return ["<?php", f"$config['{low}'] = '{value}';"], 1
    if syntax == "sh":
        return ["#!/bin/sh", "set -e", f'export {up}="{value}"'], 2
    if syntax == "Dockerfile":
        return ["FROM debian:12", f"ENV {up}={value}"], 1
    if syntax == "tf":
        return ['resource "x" "y" {', f'  {low} = "{value}"', "}"], 1
    if syntax == "toml":
        return ["[service]", f'{low} = "{value}"'], 1
    if syntax == "Makefile":
        op = g.rng.choice(["=", ":=", "?="])
        return [f"{up} {op} {value}", "", "all:", "\t@echo build"], 0
    if syntax == "kt":
        return [f'val {camel} = "{value}"'], 0
    if syntax == "md":
        return ["# Setup", "", f"For the staging service, set {up} to {value} before you start it."], 2
    raise ValueError(syntax)


SYNTAXES = ["env", "ini", "yaml", "json", "xml", "properties", "py", "js", "ts", "go", "java", "cs",
            "rb", "php", "sh", "Dockerfile", "tf", "toml", "Makefile", "kt", "md"]

ENV_LOOKUPS = {
    "py": 'DB_PASSWORD = os.environ["DB_PASSWORD"]',
    "js": "const apiKey = process.env.API_KEY;",
    "ts": "export const apiKey: string = process.env.API_KEY ?? \"\";",
    "go": 'password := os.Getenv("DB_PASSWORD")',
    "java": 'String password = System.getenv("DB_PASSWORD");',
    "rb": "API_TOKEN = ENV.fetch('API_TOKEN')",
    "php": "$password = getenv('DB_PASSWORD');",
    "sh": 'export API_TOKEN="$(cat /run/secrets/api_token)"',
    "cs": 'var password = Environment.GetEnvironmentVariable("DB_PASSWORD");',
    "kt": 'val password = System.getenv("DB_PASSWORD")',
}

FILLER = {
    "#": ["# service settings", "# see docs/operations.md"],
    "//": ["// service settings", "// see docs/operations.md"],
    None: [],
}
COMMENT = {"env": "#", "ini": "#", "yaml": "#", "properties": "#", "py": "#", "sh": "#", "Dockerfile": "#",
           "tf": "#", "toml": "#", "Makefile": "#", "rb": "#", "js": "//", "ts": "//", "go": "//",
           "java": "//", "cs": "//", "kt": "//", "php": None, "json": None, "xml": None, "md": None}
FILE_NAME = {"Dockerfile": "Dockerfile", "Makefile": "Makefile"}


def render_private_key(syntax, value, g):
    """A PEM block as a file of its own, a YAML block scalar, or a JSON string with \\n escapes."""
    if syntax == "yaml":
        return ["tls:", "  key: |"] + ["    " + line for line in value.splitlines()], 2
    if syntax == "json":
        return ["{", '  "type": "service_account",', '  "private_key": ' + json.dumps(value + "\n") + ",", "}"], 2
    return value.splitlines(), 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-kind", type=int, default=30, help="planted items per kind (default 30)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    g = Gen(rng)
    keys = Keys(rng)
    kinds = {k: f for k, f in secret_kinds(keys).items() if f is not None}
    if "private-key" not in kinds:
        print("note: openssl/ssh-keygen not found: no private keys planted", file=sys.stderr)
    files_dir = os.path.join(args.out, "files")
    if os.path.exists(files_dir):
        shutil.rmtree(files_dir)
    os.makedirs(files_dir)
    labels = []
    n = 0
    plan = [(k, True) for k in kinds for _ in range(args.per_kind)]
    plan += [(k, False) for k in DECOYS for _ in range(args.per_kind)]
    rng.shuffle(plan)
    for kind, is_secret in plan:
        n += 1
        if kind == "private-key":
            syntax = rng.choice(["pem", "yaml", "json"])
            lines, idx = render_private_key(syntax, kinds[kind](g)[1], g)
        elif kind == "env-lookup-code":
            syntax = rng.choice(sorted(ENV_LOOKUPS))
            lines, idx = [ENV_LOOKUPS[syntax]], 0
        else:
            syntax = rng.choice(SYNTAXES)
            ident, value = (kinds[kind] if is_secret else DECOYS[kind])(g)
            lines, idx = render_assign(syntax, ident, value, g)
        comment = COMMENT.get(syntax)
        head = [f"{comment} {t}" for t in ["service settings", "owner: platform team"]] if comment else []
        if syntax == "pem":
            head = []
        name = FILE_NAME.get(syntax, f"config.{ 'key' if syntax == 'pem' else syntax}")
        rel = os.path.join("files", f"{n:05d}", name)
        os.makedirs(os.path.join(args.out, os.path.dirname(rel)), exist_ok=True)
        with open(os.path.join(args.out, rel), "w") as f:
            f.write("\n".join(head + lines) + "\n")
        labels.append({"file": rel, "line": len(head) + idx + 1, "kind": kind, "secret": is_secret,
                       "syntax": syntax})
    with open(os.path.join(args.out, "labels.jsonl"), "w") as f:
        for label in labels:
            f.write(json.dumps(label) + "\n")
    secrets = sum(1 for x in labels if x["secret"])
    print(f"{len(labels)} files: {secrets} secrets of {len(kinds)} kinds, {len(labels) - secrets} decoys of "
          f"{len(DECOYS)} kinds, {len(set(x['syntax'] for x in labels))} syntaxes -> {args.out}")


if __name__ == "__main__":
    main()
