#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes a synthetic enterprise as a shieldwall.graph/v1 model file (JSON), for the end-to-end
speed benchmark of `shieldwall graph analyze` (bench/graph-vs-networkx.sh).

The enterprise has the shape of bench/graph_bench.cpp's in-memory one, expressed as model items so
that the whole pipeline runs (read, validate, compile, analyse): zones (internet, dmz, corp-N,
srv-N), DMZ web servers with an actively exploited remote vulnerability, servers with services,
remote and local vulnerabilities and leaked service-account secrets, workstations each with one
phishable person and that person's session, AD-like groups (helpdesk admin on every host, server
admin groups per zone, domain admins on the domain controllers), service accounts that administer a
few servers, admin sessions left on servers, flows between zones (internet -> dmz unfixable), three
entry points (internet, phishing, an insider contractor) and crown jewels (one server in 500, the
domain admins group, the first domain controller).

    bench/graph-gen-enterprise.py HOSTS OUT.json [--seed N]
"""
import argparse
import json
import random


def generate(hosts, seed):
    rng = random.Random(seed)
    dmz = max(2, hosts // 100)
    servers = hosts * 27 // 100
    domain_admins = 2 + hosts // 5000
    workstations = hosts - dmz - servers - domain_admins
    corp_zones = max(1, workstations // 500)
    srv_zones = max(1, servers // 200)
    helpdesk_staff = 2 + hosts // 1000
    ports = ["tcp/443", "tcp/445", "tcp/1433", "tcp/22"]

    owners = [{"id": t, "kind": "team"} for t in
              ["team-net", "team-web", "team-identity", "team-helpdesk", "team-desktop", "team-ops",
               "team-dba"] + [f"team-app{i}" for i in range(40)]]
    zones = [{"id": "internet"}, {"id": "dmz"}]
    zones += [{"id": f"corp-{c}"} for c in range(corp_zones)]
    zones += [{"id": f"srv-{z}"} for z in range(srv_zones)]
    assets, identities, people, flows, findings, relations = [], [], [], [], [], []

    def rel(rid, kind, src, dst, owner, cost, p, **extra):
        item = {"id": rid, "kind": kind}
        if kind == "session":
            item.update({"identity": src, "host": dst})
        else:
            item.update({"from": src, "to": dst})
        item.update({"owner": owner, "fix_cost": cost, "p": p})
        item.update(extra)
        relations.append(item)

    flows.append({"id": "fw-internet-dmz", "from": ["internet"], "to": ["dmz"],
                  "ports": ["tcp/443"], "owner": "team-net", "fix_cost": None, "p": 1.0,
                  "fix": "business need: the public web site"})
    flows.append({"id": "fw-dmz-srv", "from": ["dmz"], "to": ["srv-0"], "ports": ["tcp/1433"],
                  "owner": "team-net", "fix_cost": 5})
    for c in range(corp_zones):
        flows.append({"id": f"fw-corp{c}-srv", "from": [f"corp-{c}"],
                      "to": sorted({f"srv-{c % srv_zones}", f"srv-{(c + 1) % srv_zones}"}),
                      "ports": ports, "owner": "team-net", "fix_cost": 5})

    groups = ["g.helpdesk", "g.domain-users", "g.domain-admins"]
    groups += [f"g.srvadm-{z}" for z in range(srv_zones)]
    for g in groups:
        identities.append({"id": g, "kind": "group", "owner": "team-identity",
                           **({"crown_jewel": True} if g == "g.domain-admins" else {})})
    users = ["u.contractor"] + [f"u.hd{i}" for i in range(helpdesk_staff)]
    users += [f"u.da{i}" for i in range(domain_admins)] + [f"u.srvadm{z}" for z in range(srv_zones)]
    for u in users:
        identities.append({"id": u, "kind": "user", "owner": "team-identity"})
    for s in range(50):
        identities.append({"id": f"svc{s}", "kind": "service", "owner": "team-dba"})
    for i in range(helpdesk_staff):
        rel(f"r-hd{i}-member", "member_of", f"u.hd{i}", "g.helpdesk", "team-identity", 3, 1.0)
    for i in range(domain_admins):
        rel(f"r-da{i}-member", "member_of", f"u.da{i}", "g.domain-admins", "team-identity", 3, 1.0)
    rel("r-contractor-login", "can_login", "u.contractor", "ws0", "team-identity", 2, 0.95)

    for i in range(dmz):
        h = f"web{i}"
        assets.append({"id": h, "kind": "host", "zone": "dmz", "owner": "team-web",
                       "services": [{"port": "tcp/443", "product": "apache httpd 2.4.49",
                                     "runs_as": "user"}]})
        findings.append({"id": f"f-{h}-rce", "kind": "vuln", "asset": h, "port": "tcp/443",
                         "cve": "CVE-2021-41773", "effect": "code_exec", "kev": True,
                         "fix_cost": 2, "fix": "upgrade httpd to 2.4.51"})
        rel(f"r-hd-admin-{h}", "admin_to", "g.helpdesk", h, "team-helpdesk", 2, 0.95)
        if i % 3 == 0:
            findings.append({"id": f"f-{h}-secret", "kind": "secret", "asset": h,
                             "grants": f"svc{i % 7}", "requires": "user", "fix_cost": 1})

    server_names = []
    for i in range(servers):
        z = i % srv_zones
        h = f"srv{i}"
        server_names.append(h)
        owner = f"team-app{i % 40}"
        port = ports[i % len(ports)]
        asset = {"id": h, "kind": "host", "zone": f"srv-{z}", "owner": owner,
                 "services": [{"port": port, "product": "service",
                               "runs_as": "admin" if port == "tcp/1433" else "user"}]}
        if i % 500 == 0:
            asset["crown_jewel"] = True
        assets.append(asset)
        if rng.random() < 0.4:
            findings.append({"id": f"f-{h}-rce", "kind": "vuln", "asset": h, "port": port,
                             "effect": "code_exec", "p": round(0.3 + 0.6 * rng.random(), 4),
                             "fix_cost": 2})
        if rng.random() < 0.2:
            findings.append({"id": f"f-{h}-lpe", "kind": "vuln", "asset": h,
                             "effect": "priv_esc", "p": 0.6, "fix_cost": 2})
        if rng.random() < 0.3:
            rel(f"r-du-login-{h}", "can_login", "g.domain-users", h, owner, 2, 0.95)
        rel(f"r-hd-admin-{h}", "admin_to", "g.helpdesk", h, "team-helpdesk", 2, 0.95)
        rel(f"r-srvadm-{h}", "admin_to", f"g.srvadm-{z}", h, owner, 2, 0.95)
        if rng.random() < 0.05:
            findings.append({"id": f"f-{h}-secret", "kind": "secret", "asset": h,
                             "grants": f"svc{rng.randrange(50)}", "requires": "user",
                             "fix_cost": 1})
    for s in range(50):
        for k in range(3):
            h = server_names[rng.randrange(servers)]
            rel(f"r-svc{s}-admin-{k}", "admin_to", f"svc{s}", h, "team-dba", 5, 0.95)
    for z in range(srv_zones):
        rel(f"r-srvadm{z}-member", "member_of", f"u.srvadm{z}", f"g.srvadm-{z}",
            "team-identity", 3, 1.0)
    for i in range(servers // 50):
        h = server_names[rng.randrange(servers)]
        rel(f"r-sess-srvadm-{i}", "session", f"u.srvadm{rng.randrange(srv_zones)}", h,
            "team-ops", 2, 0.8)
    for i in range(servers // 100 + 1):
        h = server_names[rng.randrange(servers)]
        rel(f"r-sess-da-{i}", "session", f"u.da{rng.randrange(domain_admins)}", h,
            "team-identity", 2, 0.8)

    for i in range(workstations):
        h, person = f"ws{i}", f"p{i}"
        user = f"u.{person}"
        assets.append({"id": h, "kind": "host", "zone": f"corp-{i % corp_zones}",
                       "owner": "team-desktop"})
        identities.append({"id": user, "kind": "user", "owner": person})
        owners.append({"id": person, "kind": "person"})
        people.append({"id": person, "identity": user, "workstation": h, "owner": person,
                       "phish_p": round(0.02 + 0.2 * rng.random(), 4), "phish_fix_cost": 3})
        rel(f"r-{person}-du", "member_of", user, "g.domain-users", "team-identity", 3, 1.0)
        rel(f"r-sess-{person}", "session", user, h, "team-desktop", 2, 0.8)
        rel(f"r-hd-admin-{h}", "admin_to", "g.helpdesk", h, "team-helpdesk", 2, 0.95)
        if rng.random() < 0.3:
            findings.append({"id": f"f-{h}-lpe", "kind": "vuln", "asset": h,
                             "effect": "priv_esc", "p": 0.6, "fix_cost": 2})
        if i % 100 == 7:
            rel(f"r-sess-hd-{h}", "session", f"u.hd{rng.randrange(helpdesk_staff)}", h,
                "team-helpdesk", 2, 0.8)

    for i in range(domain_admins):
        h = f"dc{i}"
        assets.append({"id": h, "kind": "host", "zone": "srv-0", "owner": "team-identity"})
        rel(f"r-da-admin-{h}", "admin_to", "g.domain-admins", h, "team-identity", 8, 0.95)

    return {
        "schema": "shieldwall.graph/v1",
        "org": f"Synthetic enterprise, {hosts} hosts, seed {seed}",
        "owners": owners, "zones": zones, "assets": assets, "identities": identities,
        "people": people, "flows": flows, "findings": findings, "relations": relations,
        "entry_points": [{"id": "e-internet", "kind": "network", "zone": "internet"},
                         {"id": "e-phish", "kind": "phishing"},
                         {"id": "e-insider", "kind": "identity", "identity": "u.contractor"}],
        "targets": ["admin@dc0"],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("hosts", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    model = generate(args.hosts, args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(model, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
