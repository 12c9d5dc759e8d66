#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Generates the C++ data of the zxcvbn estimator (src/password/zxcvbn/data.h) at build time.

Input: the directory of Debian's python3-zxcvbn package (frequency_lists.py, adjacency_graphs.py;
the same lists and keyboard graphs as the npm zxcvbn 4.4.2 package, MIT, (c) Dropbox). The lists
are not committed to the repository; this script runs from src/CMakeLists.txt.

Output, one .cpp:
- the six ranked frequency lists merged into one trie over their (ASCII, lower-case) words. Nodes are
  numbered breadth-first, so the children of node n are the nodes first_child[n] ..
  first_child[n + 1] - 1, sorted by their character; a node that ends a word points into a rank
  table with one rank per list (0 = not in that list); bit 7 of a node's character says it ends a
  word, so a walk reads the rank table only then. Rank = 1-based position in the list, the
  later position winning for a duplicate (zxcvbn's build_ranked_dict).
- the four keyboard graphs as 128 x 8 neighbour tables (nullptr for zxcvbn's null neighbours),
  with the average degree and key count zxcvbn's spatial scoring derives from them.

Usage: zxcvbn-embed.py DATA_DIR OUT.cpp
"""

import importlib.util
import os
import sys

sys.dont_write_bytecode = True  # do not write into the package directory

# zxcvbn 4.4.2's order of the lists (frequency_lists.js); it decides which list a word is
# reported from when several have it with the same guesses.
DICT_ORDER = ["passwords", "english_wikipedia", "female_names", "surnames", "us_tv_and_film",
              "male_names"]
GRAPH_ORDER = ["qwerty", "dvorak", "keypad", "mac_keypad"]


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def c_array(ctype, name, values, per_line=24):
    lines = []
    for start in range(0, len(values), per_line):
        lines.append(",".join(str(v) for v in values[start:start + per_line]))
    return "const %s %s[%d] = {\n%s};\n" % (ctype, name, max(1, len(values)),
                                            ",\n".join(lines) if lines else "0")


def c_string(s):
    out = '"'
    for ch in s:
        if ch in '"\\':
            out += "\\" + ch
        elif 32 <= ord(ch) < 127:
            out += ch
        else:
            raise SystemExit("non-ASCII key in a keyboard graph: %r" % ch)
    return out + '"'


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: zxcvbn-embed.py DATA_DIR OUT.cpp")
    data_dir, out_path = sys.argv[1], sys.argv[2]
    freq = load(os.path.join(data_dir, "frequency_lists.py"), "sw_zxcvbn_freq").FREQUENCY_LISTS
    graphs = load(os.path.join(data_dir, "adjacency_graphs.py"), "sw_zxcvbn_adj").ADJACENCY_GRAPHS
    if sorted(freq) != sorted(DICT_ORDER) or sorted(graphs) != sorted(GRAPH_ORDER):
        raise SystemExit("unexpected list or graph names: %s %s" % (sorted(freq), sorted(graphs)))

    # word -> [rank per list]
    ranks = {}
    for dict_idx, name in enumerate(DICT_ORDER):
        words = freq[name]
        if isinstance(words, str):
            words = words.split(",")
        for rank, word in enumerate(words, start=1):
            if not word:
                continue
            if any(ord(c) > 127 for c in word) or word != word.lower():
                raise SystemExit("word not ASCII lower-case in %s: %r" % (name, word))
            if rank > 65535:
                raise SystemExit("rank does not fit 16 bits in %s" % name)
            ranks.setdefault(word, [0] * len(DICT_ORDER))[dict_idx] = rank

    # Trie, breadth-first.
    children = [{}]  # node -> {char: node} (temporary ids)
    term = [None]
    for word in ranks:
        node = 0
        for ch in word:
            nxt = children[node].get(ch)
            if nxt is None:
                nxt = len(children)
                children.append({})
                term.append(None)
                children[node][ch] = nxt
            node = nxt
        term[node] = word
    order = [0]
    new_id = {0: 0}
    head = 0
    while head < len(order):
        node = order[head]
        head += 1
        for ch in sorted(children[node]):
            child = children[node][ch]
            new_id[child] = len(order)
            order.append(child)
    first_child = []
    chars = []
    terms = []
    rank_table = [0] * len(DICT_ORDER)  # row 0 unused: term index 0 = "no word"
    next_child = 1
    node_char = {0: 0}
    for node in order:
        for ch in sorted(children[node]):
            node_char[children[node][ch]] = ord(ch)
    for node in order:
        first_child.append(next_child)
        next_child += len(children[node])
        # bit 7 (the words are ASCII) flags a node that ends a word
        chars.append(node_char[node] | (0 if term[node] is None else 0x80))
        if term[node] is None:
            terms.append(0)
        else:
            terms.append(len(rank_table) // len(DICT_ORDER))
            rank_table.extend(ranks[term[node]])
    first_child.append(next_child)
    root_child = [0] * 128
    for ch, child in children[0].items():
        root_child[ord(ch)] = new_id[child]

    out = []
    out.append("// Generated by tools/zxcvbn-embed.py from %s (python3-zxcvbn: zxcvbn's frequency\n"
               "// lists and keyboard graphs, MIT, (c) 2012-2016 Dan Wheeler and Dropbox). Do not edit.\n"
               % data_dir)
    out.append('#include "password/zxcvbn/data.h"\n\nnamespace sw::password::zxcvbn {\n'
               "namespace {\n")
    out.append(c_array("std::uint32_t", "kFirstChild", first_child))
    out.append(c_array("std::uint8_t", "kChars", chars, 40))
    out.append(c_array("std::uint32_t", "kTerm", terms))
    out.append(c_array("std::uint16_t", "kRanks", rank_table))
    out.append(c_array("std::uint32_t", "kRootChild", root_child))
    for gname in GRAPH_ORDER:
        g = graphs[gname]
        rows = []
        degree = [0] * 128
        width = 0
        for key, nbrs in g.items():
            if len(key) != 1 or ord(key) > 127:
                raise SystemExit("unexpected key in graph %s: %r" % (gname, key))
            width = max(width, len(nbrs))
        if width > 8:
            raise SystemExit("graph %s has more than 8 directions" % gname)
        for code in range(128):
            nbrs = g.get(chr(code))
            if nbrs is None:
                rows.append("{}")
                continue
            degree[code] = len(nbrs)
            rows.append("{" + ",".join("nullptr" if n is None else c_string(n) for n in nbrs) + "}")
        out.append("const char* const kAdj_%s[128][8] = {\n%s};\n" % (gname, ",\n".join(rows)))
        out.append(c_array("std::uint8_t", "kDegree_" + gname, degree, 64))
    out.append("}  // namespace\n\n")
    out.append("const Trie kTrie = {kFirstChild, kChars, kTerm, kRanks, kRootChild, %d};\n"
               % len(order))
    out.append("const KeyboardGraph kGraphs[kGraphCount] = {\n")
    for gname in GRAPH_ORDER:
        g = graphs[gname]
        # zxcvbn's calc_average_degree: non-null neighbours summed, divided by the key count
        # (the same IEEE division in Python as in JavaScript).
        total = sum(len([n for n in nbrs if n]) for nbrs in g.values())
        avg = total / len(g)
        out.append('    {"%s", kAdj_%s, kDegree_%s, %r, %d},\n' % (gname, gname, gname, avg, len(g)))
    out.append("};\n\n}  // namespace sw::password::zxcvbn\n")
    text = "".join(out)
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(out_path + ".tmp", out_path)


if __name__ == "__main__":
    main()
